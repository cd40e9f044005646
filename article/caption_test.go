package article

import (
	"strings"
	"testing"
)

// TestUnclosedParagraphNotCaption is issue 13 case 7: a paragraph that
// lacked its closing punctuation was taken for a caption, and so never
// coded, without a word. A caption is one short sentence or carries a
// credit; a text whose body would be all captions has paragraphs.
func TestUnclosedParagraphNotCaption(t *testing.T) {
	long := "Negotiators from both sides met on Monday in Geneva for a third round of talks on the exchange of prisoners agreed in the truce and on the reopening of the roads to the coast which the militias have held closed since the spring offensive began"
	tests := []struct {
		name, text string
		want       Kind
	}{
		{"two sentences", "Talks resume in Geneva\n\nNegotiators met on Monday.\n\nThey met in Geneva. They agreed to meet again next week\n", Paragraph},
		{"long sentence", "Talks resume in Geneva\n\nNegotiators met on Monday.\n\n" + long + "\n", Paragraph},
		{"the whole body", "Talks resume in Geneva\n\nNegotiators from both sides met on Monday in Geneva and agreed to meet again next week\n", Paragraph},
		{"a caption", "Talks resume in Geneva\n\nNegotiators met on Monday.\n\nThe delegations of both sides arrive at the Palais des Nations in Geneva on Monday\n\nThey agreed to meet again.\n", Caption},
		{"a credit", "Talks resume in Geneva\n\nNegotiators met on Monday.\n\nDelegates of both sides arrive at the talks in Geneva on Monday (Reuters)\n\nThey agreed to meet again.\n", Caption},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, err := FromText([]byte(tt.text))
			if err != nil {
				t.Fatal(err)
			}
			var got Kind
			for _, b := range a.Blocks {
				if strings.Contains(tt.text, b.Text) && !closed(b.Text) || b.Kind == Caption {
					got = b.Kind
				}
			}
			if got != tt.want {
				t.Errorf("unclosed block is %q, want %q; blocks %+v", got, tt.want, a.Blocks)
			}
		})
	}
}
