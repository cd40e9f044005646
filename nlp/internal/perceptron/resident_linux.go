package perceptron

import (
	"syscall"
	"unsafe"
)

// hugePage is the size of a huge page on the processors Go supports on
// Linux that have them (x86-64, arm64 with 4 KiB base pages).
const hugePage = 2 << 20

// copyResident returns a copy of b in anonymous memory, aligned to and
// advised for huge pages, and gives the pages wholly inside b back to the
// system; or nil if the memory cannot be had. The memory is never
// unmapped: it is for the models the program embeds, read once.
func copyResident(b []byte) []byte {
	n := (len(b) + hugePage - 1) &^ (hugePage - 1)
	mem, err := syscall.Mmap(-1, 0, n+hugePage, syscall.PROT_READ|syscall.PROT_WRITE, syscall.MAP_PRIVATE|syscall.MAP_ANON)
	if err != nil {
		return nil
	}
	off := (hugePage - int(uintptr(unsafe.Pointer(&mem[0]))%hugePage)) % hugePage
	mem = mem[off : off+n : off+n]
	// Without transparent huge pages the advice fails and the copy is
	// still as good as the original.
	_ = syscall.Madvise(mem, syscall.MADV_HUGEPAGE)
	copy(mem, b)
	release(b)
	return mem[:len(b):len(b)]
}

// release tells the system that the pages wholly inside b, part of the
// program's image, are not needed: they leave the resident set and would
// be read again from the executable if they were.
func release(b []byte) {
	page := uintptr(syscall.Getpagesize())
	start := uintptr(unsafe.Pointer(&b[0]))
	lo := (start + page - 1) &^ (page - 1)
	hi := (start + uintptr(len(b))) &^ (page - 1)
	if hi <= lo {
		return
	}
	_ = syscall.Madvise(b[lo-start:hi-start], syscall.MADV_DONTNEED)
}
