package coder_test

import (
	"fmt"
	"os"
	"strings"

	"dyad/coder"
	"dyad/dict"
	"dyad/nlp/conllu"
)

// Code a parsed sentence with a small dictionary and explain the event.
func Example() {
	d := &dict.Dictionary{}
	d.ReadActors(strings.NewReader("VALDORIA_ [VAL]\n+VALDORIAN_\nMARSK_ [MRK]\n"), "actors.txt")
	d.ReadAgents(strings.NewReader("ARMY {} [~MIL]\n"), "agents.txt")
	d.ReadVerbs(strings.NewReader("--- ATTACK [190] ---\nATTACK\nSHELL\n- * {BORDER POSTS} [193]\n"), "verbs.txt")
	if err := d.Compile(); err != nil {
		panic(err)
	}
	c, err := coder.New(d, coder.Options{})
	if err != nil {
		panic(err)
	}
	parse := "" +
		"1\tThe\tthe\tDET\t_\t_\t3\tdet\t_\t_\n" +
		"2\tValdorian\tValdorian\tADJ\t_\t_\t3\tamod\t_\t_\n" +
		"3\tarmy\tarmy\tNOUN\t_\t_\t4\tnsubj\t_\t_\n" +
		"4\tshelled\tshell\tVERB\t_\t_\t0\troot\t_\t_\n" +
		"5\tMarsk\tMarsk\tPROPN\t_\t_\t7\tcompound\t_\t_\n" +
		"6\tborder\tborder\tNOUN\t_\t_\t7\tcompound\t_\t_\n" +
		"7\tposts\tpost\tNOUN\t_\t_\t4\tobj\t_\t_\n"
	sents, err := conllu.ReadAll(strings.NewReader(parse+"\n"), "example")
	if err != nil {
		panic(err)
	}
	r := c.Code(&sents[0], 20240101)
	for _, e := range r.Events {
		fmt.Println(e.Code, e.Source, e.Target)
	}
	coder.Explain(os.Stdout, r)
	// Output:
	// 193 VALMIL MRK
	//   193 VALMIL → MRK (pattern)
	//     verb          shelled [word 4]
	//     source        The Valdorian army [words 1-3]
	//     target        Marsk border posts [words 5-7]
	//     verb          SHELL (ATTACK)            [190]   verbs.txt:3
	//     pattern       - * {BORDER POSTS} [193]  [193]   verbs.txt:4
	//     source actor  VALDORIAN                 [VAL]   actors.txt:1
	//     source agent  ARMY                      [~MIL]  agents.txt:1
	//     target actor  MARSK                     [MRK]   actors.txt:3
}
