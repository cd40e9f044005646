package story_test

import (
	"fmt"

	"dyad/coder/story"
)

func ExampleSplitActor() {
	for _, code := range []string{"IRQREB", "IMGMUSALQ", "USAGOVMIL"} {
		a := story.SplitActor(code, "")
		fmt.Printf("%s: country %q, known group %q, religions %v, types %v\n", code, a.Country, a.KnownGroup, a.Religions, a.Types)
	}
	// Output:
	// IRQREB: country "IRQ", known group "", religions [], types [REB]
	// IMGMUSALQ: country "", known group "ALQ", religions [MUS], types [IMG]
	// USAGOVMIL: country "USA", known group "", religions [], types [GOV MIL]
}
