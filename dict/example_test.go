package dict_test

import (
	"fmt"
	"strings"

	"dyad/dict"
)

// Read a small actor and agent dictionary and find the names in a phrase.
func ExampleDictionary_MatchAt() {
	d := &dict.Dictionary{}
	d.ReadActors(strings.NewReader("VALDORIA_ [VAL]\n+PORT_ELLIS\n"), "actors.txt")
	d.ReadAgents(strings.NewReader("GOVERNMENT [~GOV]\n"), "agents.txt")
	if err := d.Compile(); err != nil {
		panic(err)
	}
	words := strings.Fields("THE PORT ELLIS GOVERNMENT")
	for i := 0; i < len(words); i++ {
		m, ok := d.MatchAt(words, i)
		if !ok {
			continue
		}
		if m.Actor != nil {
			c, _ := m.Actor.CodeAt(0)
			fmt.Printf("actor %s [%s] from %s\n", m.Name, c.Code, c.Source)
		} else {
			fmt.Printf("agent %s [~%s] from %s\n", m.Name, m.Agent.Code, m.Agent.Source)
		}
		i += m.Len - 1
	}
	// Output:
	// actor PORT_ELLIS [VAL] from actors.txt:1
	// agent GOVERNMENT [~GOV] from agents.txt:1
}

// Patterns read from a PETRARCH-2 verb dictionary, written back.
func ExampleDictionary_ReadVerbs() {
	d := &dict.Dictionary{}
	src := `&TIES
+TIES
+RELATIONS

--- RESTORE [050] ---
RESTORE
RENEW {RENEWS RENEWED RENEWING}
- * {DIPLOMATIC &TIES} (WITH +) [051]
`
	if err := d.ReadVerbs(strings.NewReader(src), "verbs.txt"); err != nil {
		panic(err)
	}
	if err := d.Compile(); err != nil {
		panic(err)
	}
	v := d.Verbs("RENEWED")[0]
	fmt.Println(v.Words, v.Block.Name, v.EffectiveCode())
	for _, p := range d.Patterns(v) {
		fmt.Println(p, "at", p.Source)
	}
	// Output:
	// RENEW RESTORE 050
	// - * {DIPLOMATIC &TIES} (WITH +) [051] at verbs.txt:8
}
