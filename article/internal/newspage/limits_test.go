package newspage

import (
	"errors"
	"testing"
)

// TestCheckTags checks the count of start tags at the limit's edge: a '<'
// followed by a letter counts, one at the end of the text or before
// anything else does not.
func TestCheckTags(t *testing.T) {
	tests := []struct {
		text string
		tags int
	}{
		{"", 0},
		{"<", 0},
		{"a<", 0},
		{"<a", 1},
		{"<<a", 1},
		{"<A><b></b>", 2},
		{"1 < 2 <3 </p> <!-- x --> <é", 0},
		{"text<p>more<div><", 2},
		{"<p><p><p>", 3},
	}
	for _, tt := range tests {
		if err := (Limits{MaxNodes: tt.tags}).checkTags(tt.text); err != nil {
			t.Errorf("checkTags(%q) with limit %d: %v", tt.text, tt.tags, err)
		}
		if tt.tags < 2 {
			continue // a limit of 0 is the default
		}
		if err := (Limits{MaxNodes: tt.tags - 1}).checkTags(tt.text); !errors.Is(err, ErrTooLarge) {
			t.Errorf("checkTags(%q) with limit %d: %v, want ErrTooLarge", tt.text, tt.tags-1, err)
		}
	}
}
