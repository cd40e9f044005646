package builtin

import "testing"

func TestDefaultParses(t *testing.T) {
	s, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	st := s.Stats()
	t.Logf("%+v", st)
	if _, err := Dictionary(); err != nil {
		t.Fatal(err)
	}
}
