package source

import (
	"bytes"
	"errors"
	"testing"
	"testing/iotest"
)

// TestReadSized checks that the size hint changes only the allocation: the
// data and the limit are the same with no hint, a right one, and hints too
// small or too large.
func TestReadSized(t *testing.T) {
	data := bytes.Repeat([]byte("0123456789"), 300)
	for _, size := range []int64{0, 1, 511, 512, 2999, 3000, 3001, 1 << 20} {
		for _, max := range []int64{2999, 3000, 4096} {
			got, err := readSized(iotest.HalfReader(bytes.NewReader(data)), max, size)
			if max < int64(len(data)) {
				if !errors.Is(err, ErrTooLarge) {
					t.Errorf("size %d, max %d: err = %v, want ErrTooLarge", size, max, err)
				}
				continue
			}
			if err != nil || !bytes.Equal(got, data) {
				t.Errorf("size %d, max %d: %d bytes, %v; want %d bytes", size, max, len(got), err, len(data))
			}
		}
	}
}

// TestGunzipSize checks the hint read from a gzip trailer and its bound.
func TestGunzipSize(t *testing.T) {
	tests := []struct {
		trailer []byte
		n, want int64
	}{
		{nil, 100, 0},
		{[]byte{1, 2, 3}, 100, 0},
		{[]byte{0xff, 0x00, 0x10, 0x00, 0x00}, 100, 0x1000}, // the last 4 bytes
		{[]byte{0xff, 0xff, 0xff, 0xff}, 100, 103200},       // bounded by 1032:1
	}
	for _, tt := range tests {
		if got := gunzipSize(tt.trailer, tt.n); got != tt.want {
			t.Errorf("gunzipSize(% x, %d) = %d, want %d", tt.trailer, tt.n, got, tt.want)
		}
	}
}
