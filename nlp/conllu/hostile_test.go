package conllu

import (
	"errors"
	"io"
	"strings"
	"testing"
)

const (
	goodSentence = "# sent_id = good1\n1\tTroops\ttroop\tNOUN\tNNS\t_\t2\tnsubj\t_\t_\n2\tleft\tleave\tVERB\tVBD\t_\t0\troot\t_\t_\n\n"
	badHead      = "# sent_id = bad\n1\tTroops\ttroop\tNOUN\tNNS\t_\t9\tnsubj\t_\t_\n2\tleft\tleave\tVERB\tVBD\t_\t0\troot\t_\t_\n\n"
	badFields    = "# sent_id = short\n1\tTroops\ttroop\n2\tleft\tleave\tVERB\tVBD\t_\t0\troot\t_\t_\n\n"
	cycle        = "# sent_id = cycle\n1\tA\ta\tDET\tDT\t_\t2\tdet\t_\t_\n2\tB\tb\tNOUN\tNN\t_\t3\tnsubj\t_\t_\n3\tC\tc\tVERB\tVB\t_\t2\troot\t_\t_\n\n"
)

// TestHeadCycle is issue 13 case 7: a sentence whose heads form a cycle
// was read as a tree and coded to nothing, silently.
func TestHeadCycle(t *testing.T) {
	_, err := ReadAll(strings.NewReader(cycle), "in.conllu")
	var se *SyntaxError
	if !errors.As(err, &se) || !strings.Contains(se.Msg, "cycle") || se.Line != 5 {
		t.Errorf("error %v, want a cycle reported at the sentence's end, line 5", err)
	}
}

// TestNextGoesOn is issue 13 case 6: one bad sentence stopped the reading
// of the file; Next reports it and reads on.
func TestNextGoesOn(t *testing.T) {
	in := goodSentence + badHead + strings.Replace(goodSentence, "good1", "good2", 1) + badFields + cycle + strings.Replace(goodSentence, "good1", "good3", 1)
	r := NewReader(strings.NewReader(in), "in.conllu")
	var ids, errs []string
	for {
		s, err := r.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			errs = append(errs, err.Error())
			continue
		}
		ids = append(ids, s.ID)
	}
	if strings.Join(ids, " ") != "good1 good2 good3" || len(errs) != 3 {
		t.Errorf("sentences %v, errors %q", ids, errs)
	}
	for i, want := range []string{"in.conllu:8: word 1 of sentence \"bad\" has HEAD 9", "in.conllu:14: want 10", "in.conllu:21: the heads of sentence \"cycle\" form a cycle"} {
		if i < len(errs) && !strings.HasPrefix(errs[i], want) {
			t.Errorf("error %d: %q, want it to start %q", i, errs[i], want)
		}
	}
}
