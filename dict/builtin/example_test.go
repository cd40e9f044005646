package builtin_test

import (
	"fmt"
	"strings"
	"testing/fstest"

	"dyad/dict/builtin"
)

func ExampleParse() {
	fsys := fstest.MapFS{"mini.txt": {Data: []byte(`
group IRQREB Islamic Army in Iraq
    short: =Islamic Army
group IMGMUSALQ al-Qaeda
    name: al-Qaida

event 050 diplomatic cooperation
    SRC *mend fence with TGT
    *reconciliation between PAIR
`)}}
	s, err := builtin.Parse(fsys, "dicts")
	if err != nil {
		fmt.Println(err)
		return
	}
	st := s.Stats()
	fmt.Println(st.Groups, "groups,", st.Patterns, "patterns,", st.Nominal, "on a noun")

	d, err := s.Dictionary()
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, v := range d.Verbs("MENDED") {
		for _, p := range d.Patterns(v) {
			fmt.Println(v, p, p.Source)
		}
	}
	m, _ := d.MatchAt(strings.Fields("AL QAEDA"), 0)
	c, _ := m.Actor.CodeAt(20070601)
	fmt.Println(m.Name, c.Code)
	// Output:
	// 2 groups, 2 patterns, 1 on a noun
	// MEND - * FENCE (WITH +) [050] dicts/mini.txt:8
	// AL_QAEDA IMGMUSALQ
}

func ExampleDictionary() {
	d, err := builtin.Dictionary()
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, phrase := range []string{"ISLAMIC ARMY IN IRAQ", "OSAMA BIN LADEN", "TALIBAN"} {
		m, _ := d.MatchAt(strings.Fields(phrase), 0)
		for _, date := range []int{20070601, 20220601} {
			if c, ok := m.Actor.CodeAt(date); ok {
				fmt.Println(phrase, date, c.Code)
			} else {
				fmt.Println(phrase, date, "(no code)")
			}
		}
	}
	// Output:
	// ISLAMIC ARMY IN IRAQ 20070601 IRQREB
	// ISLAMIC ARMY IN IRAQ 20220601 IRQREB
	// OSAMA BIN LADEN 20070601 IMGMUSALQ
	// OSAMA BIN LADEN 20220601 (no code)
	// TALIBAN 20070601 AFGREB
	// TALIBAN 20220601 AFGGOV
}
