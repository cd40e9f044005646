package parse

// The arc-eager transition system (Nivre 2003) over words 1..n, with the
// artificial root as the last word of the buffer, n+1, so that the words
// attached to the root are chosen last, once the rest of the sentence is
// known (Ballesteros and Nivre 2013).
const (
	shift    = iota // push the front of the buffer onto the stack
	reduce          // pop the stack; its top must have a head
	leftArc         // the front of the buffer becomes the head of the stack top, which is popped
	rightArc        // the stack top becomes the head of the front of the buffer, which is pushed
	nActions
)

// state is a parser configuration, with the bookkeeping the features need.
// Beam search copies states at every step, so a state keeps what it knows
// of each word in one compact array.
type state struct {
	n     int
	b     int // front of the buffer; the buffer is b..n+1
	stack []int32
	w     []node   // words 0..n+1; n+1 is the root
	cls   []uint32 // the UPOS bit of each atom, shared by the states of a sentence
}

// node is what a state knows of a word.
type node struct {
	head int32 // -1 if none yet
	// Leftmost, second leftmost, rightmost and second rightmost children,
	// -1 if none.
	l1, l2, r1, r2 int32
	nl, nr         int16  // number of left and right children
	ls, rs         uint32 // UPOS bits of the left and right children
	inStack        bool
	// alt is the atom of the word with the tagger's runner-up tags, if
	// the state chose them; 0 otherwise.
	alt int32
}

var emptyNode = node{head: -1, l1: -1, l2: -1, r1: -1, r2: -1}

// reset prepares s for a sentence of n words whose atoms' UPOS bits are
// cls (see unary.cls; nil leaves the children's tag sets empty).
func (s *state) reset(n int, cls []uint32) {
	s.n = n
	s.cls = cls
	s.b = 1
	s.stack = s.stack[:0]
	s.w = s.w[:0]
	for range n + 2 {
		s.w = append(s.w, emptyNode)
	}
}

// copyFrom makes s a copy of o, reusing the memory of s.
func (s *state) copyFrom(o *state) {
	s.stack = append(s.stack[:0], o.stack...)
	// The words after the buffer front are untouched, so only the words
	// up to it and the root need copying, and those s had that o has not
	// reached need clearing: half the copying of whole states.
	if len(s.w) != len(o.w) {
		s.w = append(s.w[:0], o.w...)
	} else {
		copy(s.w, o.w[:o.b+1])
		for i := o.b + 1; i <= s.b && i <= o.n; i++ {
			s.w[i] = emptyNode
		}
		s.w[o.n+1] = o.w[o.n+1]
	}
	s.n, s.b, s.cls = o.n, o.b, o.cls
}

// root returns the index of the root.
func (s *state) root() int { return s.n + 1 }

// done reports whether the parse is complete: only the root is left.
func (s *state) done() bool { return s.b > s.n && len(s.stack) == 0 }

// s0 returns the stack top, or -1 if the stack is empty.
func (s *state) s0() int {
	if len(s.stack) == 0 {
		return -1
	}
	return int(s.stack[len(s.stack)-1])
}

// head returns the head of word w, -1 if none yet.
func (s *state) head(w int) int { return int(s.w[w].head) }

// atom returns the index of the atom of word w as tagged in s: its own, or
// that of its runner-up tags if s chose them. It returns -1 for -1.
func (s *state) atom(w int) int {
	if w >= 0 && s.w[w].alt != 0 {
		return int(s.w[w].alt)
	}
	return w
}

// valid reports whether action a may be applied.
func (s *state) valid(a int) bool {
	s0 := s.s0()
	switch a {
	case shift:
		return s.b <= s.n
	case rightArc:
		return s.b <= s.n && s0 >= 0
	case reduce:
		return s0 >= 0 && s.w[s0].head >= 0
	case leftArc:
		return s0 >= 0 && s.w[s0].head < 0
	}
	return false
}

func (s *state) push(w int) {
	s.stack = append(s.stack, int32(w))
	s.w[w].inStack = true
}

func (s *state) pop() {
	w := s.s0()
	s.stack = s.stack[:len(s.stack)-1]
	s.w[w].inStack = false
}

// arc makes h the head of d.
func (s *state) arc(h, d int) {
	s.w[d].head = int32(h)
	x, d32 := &s.w[h], int32(d)
	var bit uint32
	if a := s.atom(d); a < len(s.cls) {
		bit = s.cls[a]
	}
	if d < h {
		x.ls |= bit
		x.nl++
		if x.l1 < 0 || d32 < x.l1 {
			x.l2, x.l1 = x.l1, d32
		} else if x.l2 < 0 || d32 < x.l2 {
			x.l2 = d32
		}
	} else {
		x.rs |= bit
		x.nr++
		if x.r1 < 0 || d32 > x.r1 {
			x.r2, x.r1 = x.r1, d32
		} else if x.r2 < 0 || d32 > x.r2 {
			x.r2 = d32
		}
	}
}

// apply performs a valid action.
func (s *state) apply(a int) {
	switch a {
	case shift:
		s.push(s.b)
		s.b++
	case reduce:
		s.pop()
	case leftArc:
		s.arc(s.b, s.s0())
		s.pop()
	case rightArc:
		s.arc(s.s0(), s.b)
		s.push(s.b)
		s.b++
	}
}

// tree appends to heads[:0] the finished tree over 1..n with a single
// root: heads[d] is the head of d, 0 for the root, and heads[0] is -1. Of
// the words attached to the root, the first keeps it and the others attach
// to it, as UD attaches the later clauses of a run-on sentence to the
// first.
func (s *state) tree(heads []int) []int {
	root := -1
	for w := 1; w <= s.n; w++ {
		if s.head(w) == s.root() {
			root = w
			break
		}
	}
	heads = append(heads[:0], -1)
	for w := 1; w <= s.n; w++ {
		h := s.head(w)
		switch {
		case w == root:
			h = 0
		case h == s.root():
			h = root
		}
		heads = append(heads, h)
	}
	return heads
}

// cost returns the number of gold arcs that action a makes unreachable
// (the dynamic oracle of Goldberg and Nivre 2012). gold must be a
// projective tree over 1..n+1, the root being n+1 (see rootLast).
func (s *state) cost(a int, gold []int) int {
	s0, b := s.s0(), s.b
	c := 0
	switch a {
	case leftArc:
		// s0 loses a head further in the buffer and its dependents there.
		if g := gold[s0]; g > b {
			c++
		}
		for k := b; k <= s.n; k++ {
			if gold[k] == s0 {
				c++
			}
		}
	case rightArc:
		// b loses any other head on the stack or in the buffer, and its
		// headless dependents on the stack.
		if g := gold[b]; g != s0 && (g > b || s.w[g].inStack) {
			c++
		}
		for _, k := range s.stack {
			if gold[k] == b && s.w[k].head < 0 {
				c++
			}
		}
	case reduce:
		for k := b; k <= s.n; k++ {
			if gold[k] == s0 {
				c++
			}
		}
	case shift:
		// b loses a head on the stack and its headless dependents there.
		if s.w[gold[b]].inStack {
			c++
		}
		for _, k := range s.stack {
			if gold[k] == b && s.w[k].head < 0 {
				c++
			}
		}
	}
	return c
}

func fill[T any](a []T, n int, v T) []T {
	a = a[:0]
	for range n {
		a = append(a, v)
	}
	return a
}

// rootLast returns gold heads (index 0 is -1, 0 the root) with the root
// moved to n+1, as the transition system has it.
func rootLast(heads []int) []int {
	g := make([]int, len(heads)+1)
	g[0], g[len(heads)] = -1, -1
	for d := 1; d < len(heads); d++ {
		g[d] = heads[d]
		if g[d] == 0 {
			g[d] = len(heads)
		}
	}
	return g
}
