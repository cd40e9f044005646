package codebook_test

import (
	"errors"
	"fmt"

	"dyad/codebook"
)

func ExampleLookup() {
	c, ok := codebook.Lookup("0871")
	fmt.Println(ok, c.Root, c.Label)
	fmt.Println(c.Goldstein, c.QuadClass)
	fmt.Println(c.PLOVER.Category, c.PLOVER.Mode, c.PLOVER.Context)
	// Output:
	// true 08 Declare a truce or ceasefire
	// 9 material cooperation
	// RETREAT ceasefire [military]
}

func ExampleQuadClass() {
	for _, code := range []string{"036", "0871", "1056", "190"} {
		q, _ := codebook.QuadClass(code)
		fmt.Printf("%s %d %v\n", code, q, q)
	}
	// Output:
	// 036 1 verbal cooperation
	// 0871 2 material cooperation
	// 1056 3 verbal conflict
	// 190 4 material conflict
}

func ExampleRoot() {
	root, err := codebook.Root("1831")
	fmt.Println(root, err)
	_, err = codebook.Root("999")
	fmt.Println(errors.Is(err, codebook.ErrUnknownCode), err)
	// Output:
	// 18 <nil>
	// true unknown CAMEO code "999"
}

func ExampleValid() {
	fmt.Println(codebook.Valid("0233"), codebook.Valid("---"))
	// Output: true false
}

func ExampleActorType() {
	for _, code := range []string{"MIL", "IGO", "SUN"} {
		a, _ := codebook.ActorType(code)
		fmt.Printf("%s %s: %s\n", a.Code, a.Kind, a.Label)
	}
	// Output:
	// MIL role: Armed forces
	// IGO organisation: Intergovernmental organisation
	// SUN religion: Sunni
}

func ExampleRoots() {
	for _, r := range codebook.Roots()[:3] {
		fmt.Println(r.Code, r.Label)
	}
	// Output:
	// 01 Public statement
	// 02 Appeal
	// 03 Express intent to cooperate
}
