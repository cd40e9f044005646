package perceptron

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"syscall"
	"testing"
	"unsafe"
)

// A model read by a trusted Reader with SetResident on has its tables
// copied out of the file's memory, the same bytes; the pages it gives
// back read again from the file.
func TestResident(t *testing.T) {
	ms := []*Model{train(newToy(300, 2, 3), 2).Average(1), rowsModel(60)}
	var buf bytes.Buffer
	w := NewWriter(&buf, "test-1")
	w.Models(ms)
	if _, err := w.Close(); err != nil {
		t.Fatal(err)
	}
	// Tables of a few pages: the toy models are small.
	defer func(n int) { minResident = n }(minResident)
	minResident = 1
	SetResident(true)
	defer SetResident(false)
	// A file mapped as the program's image is.
	name := filepath.Join(t.TempDir(), "model")
	if err := os.WriteFile(name, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	f, err := os.Open(name)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	data, err := syscall.Mmap(int(f.Fd()), 0, buf.Len(), syscall.PROT_READ, syscall.MAP_PRIVATE)
	if err != nil {
		t.Fatal(err)
	}
	defer syscall.Munmap(data)
	r, err := NewTrustedReader(data, "test-1")
	if err != nil {
		t.Fatal(err)
	}
	got := r.Models()
	if err := r.Err(); err != nil {
		t.Fatal(err)
	}
	inFile := func(p unsafe.Pointer) bool {
		return uintptr(p) >= uintptr(unsafe.Pointer(&data[0])) && uintptr(p) < uintptr(unsafe.Pointer(&data[0]))+uintptr(len(data))
	}
	for j, m := range ms {
		m2 := got[j]
		if !slices.Equal(m2.dense, m.dense) || !slices.Equal(m2.slots, m.slots) || !slices.Equal(m2.ext, m.ext) {
			t.Errorf("model %d: tables differ from the file's", j)
		}
		if inFile(unsafe.Pointer(unsafe.SliceData(m2.dense))) || inFile(unsafe.Pointer(unsafe.SliceData(m2.slots))) {
			t.Errorf("model %d: table not copied", j)
		}
	}
	if !bytes.Equal(data, buf.Bytes()) {
		t.Error("the file's memory changed")
	}
}
