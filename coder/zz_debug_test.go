package coder

import (
	"fmt"
	"os"
	"regexp"
	"strings"
	"testing"

	"dyad/dict"
	"dyad/nlp/conllu"
)

func TestZZDebug(t *testing.T) {
	id := os.Getenv("DBG")
	if id == "" {
		t.Skip()
	}
	dir := "/work/shared/data/events/petrarch/dictionaries/"
	fn := "/work/shared/data/events/petrarch/validation/PETR_Validate_records_2_02.xml"
	f := dict.Files{Actors: []string{dir + "PETR_Validate_actors_2_02.txt"}, Agents: []string{dir + "PETR_Validate_agents_2_02.txt"}, Verbs: []string{dir + "PETR_Validate_verbs_2_02.txt"}, Discards: []string{dir + "PETR_Validate_discards_2_02.txt"}, Ontology: dir + "PETR_Validate_Internal_Coding_Ontology_1_01.txt"}
	if os.Getenv("UT") != "" {
		fn = "/work/shared/data/events/petrarch/validation/PETR.UnitTest.records.parsing_parsed_udpipe_2.0.xml"
		f = dict.Files{Actors: []string{dir + "PETR.Validate.actors.txt"}, Agents: []string{dir + "PETR.Validate.agents.txt"}, Verbs: []string{dir + "PETR.Validate.verbs.2.0.txt"}, Discards: []string{dir + "PETR.Validate.discards.txt"}, Ontology: dir + "PETR.Internal.Coding.Ontology.txt"}
	}
	d, err := dict.Load(f)
	if err != nil {
		t.Fatal(err)
	}
	data, _ := os.ReadFile(fn)
	recs := regexp.MustCompile(`(?s)<Sentence [^>]*id="`+id+`".*?</Sentence>`).FindAllString(string(data), -1)
	for _, r := range recs {
		date := 0
		fmt.Sscanf(regexp.MustCompile(`date="(\d+)"`).FindStringSubmatch(r)[1], "%d", &date)
		p := regexp.MustCompile(`(?s)<Parse>(.*?)</Parse>`).FindStringSubmatch(r)[1]
		ss, err := conllu.ReadAll(strings.NewReader(strings.Trim(p, "\n")+"\n"), "x")
		if err != nil {
			t.Fatal(err)
		}
		c, _ := New(d, Options{})
		s := ss[0]
		st, _ := newSent(&s)
		cs := &coding{c: c, st: st, date: date, np: map[int]*npInfo{}}
		evs := cs.events()
		for i := 1; i < len(st.w); i++ {
			w := st.w[i]
			fmt.Printf("  %2d %-12s %-10s %-5s %2d %s:%s\n", i, w.form, w.lemma, w.upos, w.head, w.rel, w.sub)
		}
		for v, a := range cs.an {
			fmt.Printf("verb %d %s entry=%s code=%v pm=%v src=%v tgt=%v abs=%v evs=%d\n", v, st.w[v].form, a.entry, a.code, a.pm != nil && a.pm.p != nil, codes(a.sources), codes(a.targets), a.absorbed, len(a.events))
			if a.pm != nil {
				fmt.Println("   pattern", a.pm.p)
			}
			subj, _ := cs.subjects(v)
			f := cs.buildFrame(v, subj)
			fmt.Printf("   frame subj=%v nouns=%v preps=%v parts=%v\n", f.subj, f.nouns, f.preps, f.parts)
		}
		for _, e := range evs {
			fmt.Println("EVENT", e.Code, e.Source, e.Target, e.Rule)
		}
	}
}

func codes(ms []mention) []string {
	var out []string
	for _, m := range ms {
		out = append(out, m.code)
	}
	return out
}
