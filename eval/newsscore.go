package eval

import (
	"cmp"
	"fmt"
	"io"
	"slices"
	"strings"
	"text/tabwriter"

	"dyad/codebook"
)

// SystemMention is one sentence's report of an event a coder found, placed
// in the document's reference text.
type SystemMention struct {
	Doc string `json:"doc"`
	// Kind is the document's kind (NewsDoc.Kind); Batch the annotation
	// batch whose gold file holds it (batches/NAME.txt), if any.
	Kind  string `json:"kind,omitempty"`
	Batch string `json:"batch,omitempty"`
	// Span is the sentence's byte span in the reference text; [-1,-1] when
	// the sentence could not be placed in it.
	Span       [2]int `json:"span"`
	Source     string `json:"source"`
	SourceName string `json:"source_name,omitempty"`
	Target     string `json:"target"`
	TargetName string `json:"target_name,omitempty"`
	Code       string `json:"code"`
	Sentence   string `json:"sentence"`
	// Confidence and Features are the coder's (coder.Event); ScoreNews
	// sets Right when a gold event matches the mention strictly.
	Confidence float64   `json:"confidence"`
	Features   []float64 `json:"-"`
	Right      bool      `json:"right"`
	// File and Line locate an annotator's event that NewsAgreement scores
	// in the coder's place, so that each disagreement names its line.
	File string `json:"file,omitempty"`
	Line int    `json:"line,omitempty"`
}

// The error categories of the real-news evaluation.
const (
	ErrWrongActor      = "wrong_actor"      // same sentence and root, an actor differs
	ErrWrongRoot       = "wrong_root"       // same sentence and actors, another root
	ErrStatementTarget = "statement_target" // a statement (01) nobody annotated: aimed at the speaker, a topic or a medium
	ErrModality        = "modality"         // matches an event annotated as not asserted (negated, wished…)
	ErrExtra           = "extra"            // nothing annotated in the sentence explains it
	ErrMissed          = "missed"           // nothing the coder found in the sentence comes near it
)

// NewsScoreOptions configure ScoreNews.
type NewsScoreOptions struct {
	// Modalities are the gold modalities that count for recall; empty
	// means asserted only.
	Modalities []string
}

// scored returns the modalities that count: Modalities, or asserted only.
func (o NewsScoreOptions) scored() []string {
	if len(o.Modalities) == 0 {
		return []string{"asserted"}
	}
	return o.Modalities
}

// in reports whether g has one of the modalities mods (no modality is
// asserted).
func (g *GoldEvent) in(mods []string) bool {
	m := g.Modality
	if m == "" {
		m = "asserted"
	}
	return slices.Contains(mods, m)
}

// NewsReport is the score of a coder on the real-news gold events.
type NewsReport struct {
	Set string `json:"set,omitempty"`
	// Annotation is the annotation file NewsAgreement scored in place of
	// the coder; then System counts its events of the modalities scored,
	// AnnotationOther the rest, and Unscored lists its documents that the
	// set's gold files do not annotate.
	Annotation      string   `json:"annotation,omitempty"`
	AnnotationOther int      `json:"annotation_other_modality,omitempty"`
	Unscored        []string `json:"unscored_documents,omitempty"`
	Docs            int      `json:"documents"`
	// Annotated documents have gold events or a "# doc ID" comment; only
	// they are scored.
	Annotated  int      `json:"annotated_documents"`
	Modalities []string `json:"modalities"`
	// Gold counts the gold events of the modalities scored; GoldOther the
	// rest. System counts the coder's mentions.
	Gold      int `json:"gold"`
	GoldOther int `json:"gold_other_modality"`
	System    int `json:"system"`
	Unplaced  int `json:"system_unplaced"`
	Strict    PR  `json:"strict"`
	Lenient   PR  `json:"lenient"`
	// Roots scores each CAMEO root strictly: recall by the gold root,
	// precision by the system's.
	Roots []RootScore `json:"roots"`
	// MissErrors and ExtraErrors count the misses and the extras by
	// category.
	MissErrors  map[string]int   `json:"miss_errors"`
	ExtraErrors map[string]int   `json:"extra_errors"`
	Misses      []NewsDifference `json:"misses"`
	Extras      []NewsDifference `json:"extras"`
	// Confidence is the strict precision of the mentions by their
	// confidence: how far an analyst can trust "events ≥ 0.8".
	Confidence []ConfidenceBin `json:"confidence"`
	// Mentions are the coder's mentions as scored, for FitConfidence.
	Mentions []SystemMention `json:"-"`
}

// PR is a precision and recall: Matched of System coded events are right,
// Found of Gold are found.
type PR struct {
	Matched   int     `json:"system_matched"`
	Found     int     `json:"gold_found"`
	Precision float64 `json:"precision"`
	Recall    float64 `json:"recall"`
	F1        float64 `json:"f1"`
}

// RootScore is the strict score of one CAMEO root.
type RootScore struct {
	Root  string `json:"root"`
	Label string `json:"label"`
	PR
	Gold   int `json:"gold"`
	System int `json:"system"`
}

// NewsDifference is one gold event the coder missed, or one event it coded
// that no gold event matches strictly, with the category of the error and
// the nearest event on the other side.
type NewsDifference struct {
	Category string         `json:"category"`
	Gold     *GoldEvent     `json:"gold,omitempty"`
	System   *SystemMention `json:"system,omitempty"`
	// Near is the event of the other side that explains the category.
	NearGold   *GoldEvent     `json:"near_gold,omitempty"`
	NearSystem *SystemMention `json:"near_system,omitempty"`
	// Sentence is a missed gold event's sentence, where known.
	Sentence string `json:"sentence,omitempty"`
}

// actorKey is an actor code as scoring compares it (docs/ANNOTATION.md):
// Group is the country (or, for an organisation code, the whole code),
// Role the first role or sector after it, GOV for a country named alone
// (the state acts through its government: "Russia expelled" is Russia's
// government); Lenient is the country or the organisation's first six
// letters. Named marks "---": an actor known by name only.
type actorKey struct {
	Group, Role, Lenient string
	Named                bool
}

func keyOf(code string) actorKey {
	if code == "" || code == "---" {
		return actorKey{Named: true}
	}
	first, rest := code, ""
	if len(code) > 3 {
		first, rest = code[:3], code[3:]
	}
	if t, ok := codebook.ActorType(first); ok || first == "---" {
		switch {
		case ok && t.Kind == codebook.Organisation:
			return actorKey{Group: code, Lenient: code[:min(6, len(code))]}
		case ok && (t.Kind == codebook.Role || t.Kind == codebook.Sector):
			return actorKey{Role: first}
		}
		first = "" // no country: "---GOV", or a religion
	}
	for i := 0; i+3 <= len(rest); i += 3 {
		if t, ok := codebook.ActorType(rest[i : i+3]); ok && (t.Kind == codebook.Role || t.Kind == codebook.Sector) {
			return actorKey{Group: first, Role: rest[i : i+3], Lenient: first}
		}
	}
	if first != "" && rest == "" {
		return actorKey{Group: first, Role: "GOV", Lenient: first}
	}
	return actorKey{Group: first, Lenient: first}
}

// sameActor compares a gold actor with a system actor, strictly or leniently.
func sameActor(gCode, gName, sCode, sName string, strict bool) bool {
	g, s := keyOf(gCode), keyOf(sCode)
	if g.Named || s.Named {
		return g.Named && s.Named && gName != "" && strings.EqualFold(strings.TrimSpace(gName), strings.TrimSpace(sName))
	}
	if strict {
		return g.Group == s.Group && g.Role == s.Role
	}
	return g.Lenient == s.Lenient
}

func rootOf(code string) string {
	r, err := codebook.Root(code)
	if err != nil {
		return code
	}
	return r
}

func overlaps(a, b [2]int) bool { return a[0] < b[1] && b[0] < a[1] }

// matches reports whether system mention s matches gold event g.
func matches(g *GoldEvent, s *SystemMention, strict bool) bool {
	return g.Doc == s.Doc && overlaps(g.Span, s.Span) && rootOf(g.Code) == rootOf(s.Code) &&
		sameActor(g.Source, g.SourceName, s.Source, s.SourceName, strict) &&
		sameActor(g.Target, g.TargetName, s.Target, s.TargetName, strict)
}

// pairUp matches gold and system events one to one, greedily in order, and
// returns for each gold event the index of its system event (or -1) and
// for each system event its gold event's.
func pairUp(gold []*GoldEvent, sys []*SystemMention, strict bool) (gs, sg []int) {
	gs, sg = make([]int, len(gold)), make([]int, len(sys))
	for i := range sg {
		sg[i] = -1
	}
	for i, g := range gold {
		gs[i] = -1
		for j, s := range sys {
			if sg[j] < 0 && matches(g, s, strict) {
				gs[i], sg[j] = j, i
				break
			}
		}
	}
	return gs, sg
}

func (p *PR) finish(gold, system int) {
	p.Precision, p.Recall = ratio(p.Matched, system), ratio(p.Found, gold)
	if p.Precision+p.Recall > 0 {
		p.F1 = 2 * p.Precision * p.Recall / (p.Precision + p.Recall)
	}
}

// ScoreNews scores system mentions against gold events. Only the documents
// of annotated are scored. A system mention is right when a gold event of a
// scored modality in the same document has the same CAMEO root, a sentence
// span that overlaps the mention's, and the same actors: strictly, the same
// country or group and primary role; leniently, the same country or group.
// Gold events and mentions pair one to one.
func ScoreNews(annotated []string, gold []GoldEvent, sys []SystemMention, opts NewsScoreOptions) *NewsReport {
	mods := opts.scored()
	counted := func(g *GoldEvent) bool { return g.in(mods) }
	rep := &NewsReport{Annotated: len(annotated), Modalities: mods, MissErrors: map[string]int{}, ExtraErrors: map[string]int{}}
	roots := map[string]*RootScore{}
	root := func(code string) *RootScore {
		r := rootOf(code)
		if roots[r] == nil {
			roots[r] = &RootScore{Root: r}
			if c, ok := codebook.Lookup(r); ok {
				roots[r].Label = c.Label
			}
		}
		return roots[r]
	}
	for _, doc := range annotated {
		var g, other []*GoldEvent
		for i := range gold {
			if gold[i].Doc != doc {
				continue
			}
			if counted(&gold[i]) {
				g = append(g, &gold[i])
			} else {
				other = append(other, &gold[i])
			}
		}
		var s []*SystemMention
		for i := range sys {
			if sys[i].Doc == doc {
				s = append(s, &sys[i])
				if sys[i].Span[0] < 0 {
					rep.Unplaced++
				}
			}
		}
		rep.Gold += len(g)
		rep.GoldOther += len(other)
		rep.System += len(s)
		gs, sg := pairUp(g, s, true)
		lgs, lsg := pairUp(g, s, false)
		for i, x := range g {
			root(x.Code).Gold++
			if gs[i] >= 0 {
				rep.Strict.Found++
				root(x.Code).Found++
			} else {
				rep.miss(x, s)
			}
			if lgs[i] >= 0 {
				rep.Lenient.Found++
			}
		}
		for j, x := range s {
			root(x.Code).System++
			x.Right = sg[j] >= 0
			if sg[j] >= 0 {
				rep.Strict.Matched++
				root(x.Code).Matched++
			} else {
				rep.extra(x, g, other)
			}
			if lsg[j] >= 0 {
				rep.Lenient.Matched++
			}
		}
	}
	rep.Strict.finish(rep.Gold, rep.System)
	rep.Lenient.finish(rep.Gold, rep.System)
	for _, r := range roots {
		r.finish(r.Gold, r.System)
		rep.Roots = append(rep.Roots, *r)
	}
	slices.SortFunc(rep.Roots, func(a, b RootScore) int { return cmp.Compare(a.Root, b.Root) })
	rep.Confidence = calibration(annotated, sys)
	return rep
}

// near says how gold event g and system mention s, which do not match,
// come near each other: in one sentence, with the same actors (then the
// root is wrong) or the same root (then an actor is wrong); "" otherwise.
// With the same actors and the same root, s is the match of another gold
// event like g (a sentence that tells two events of one root between the
// same actors), and g is simply missed.
func near(g *GoldEvent, s *SystemMention) string {
	if g.Doc != s.Doc || !overlaps(g.Span, s.Span) {
		return ""
	}
	sameRoot := rootOf(g.Code) == rootOf(s.Code)
	if sameActor(g.Source, g.SourceName, s.Source, s.SourceName, true) && sameActor(g.Target, g.TargetName, s.Target, s.TargetName, true) {
		if sameRoot {
			return ""
		}
		return ErrWrongRoot
	}
	if sameRoot {
		return ErrWrongActor
	}
	return ""
}

// nearer reports whether category a explains an error better than b: a
// wrong root (right actors) before a wrong actor before nothing.
func nearer(a, b string) bool {
	rank := map[string]int{ErrWrongRoot: 2, ErrWrongActor: 1}
	return rank[a] > rank[b]
}

// miss records gold event g that no system mention matched strictly.
func (rep *NewsReport) miss(g *GoldEvent, sys []*SystemMention) {
	d := NewsDifference{Category: ErrMissed, Gold: g}
	for _, s := range sys {
		if c := near(g, s); nearer(c, d.Category) {
			d.Category, d.NearSystem = c, s
		}
	}
	rep.MissErrors[d.Category]++
	rep.Misses = append(rep.Misses, d)
}

// extra records system mention s that matched no counted gold event
// strictly; other are the gold events of modalities not scored.
func (rep *NewsReport) extra(s *SystemMention, gold, other []*GoldEvent) {
	d := NewsDifference{Category: ErrExtra, System: s}
	for _, g := range other {
		if matches(g, s, false) {
			d.Category, d.NearGold = ErrModality, g
			break
		}
	}
	for _, g := range gold {
		if c := near(g, s); d.Category != ErrModality && nearer(c, d.Category) {
			d.Category, d.NearGold = c, g
		}
	}
	if d.Category == ErrExtra && rootOf(s.Code) == "01" {
		d.Category = ErrStatementTarget
	}
	rep.ExtraErrors[d.Category]++
	rep.Extras = append(rep.Extras, d)
}

// WriteTable prints the scores, the roots, the error counts and every miss
// and extra.
func (rep *NewsReport) WriteTable(w io.Writer) error {
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	if rep.Annotation != "" {
		fmt.Fprintf(tw, "set %s against annotation %s: %d documents annotated in both; gold events %d (%s), %d of other modalities; the annotation's events %d (\"coded\"), %d of other modalities left out\n",
			rep.Set, rep.Annotation, rep.Annotated, rep.Gold, strings.Join(rep.Modalities, ", "), rep.GoldOther, rep.System, rep.AnnotationOther)
		if len(rep.Unscored) > 0 {
			fmt.Fprintf(tw, "not scored, annotated only in %s: %s\n", rep.Annotation, strings.Join(rep.Unscored, " "))
		}
		fmt.Fprintln(tw)
	} else {
		fmt.Fprintf(tw, "set %s: %d documents, %d annotated; gold events %d (%s), %d of other modalities; coded mentions %d (%d not placed in the text)\n\n",
			rep.Set, rep.Docs, rep.Annotated, rep.Gold, strings.Join(rep.Modalities, ", "), rep.GoldOther, rep.System, rep.Unplaced)
	}
	fmt.Fprintln(tw, "scoring\tprecision\trecall\tF1\tright / coded\tfound / gold\t")
	for _, r := range []struct {
		name string
		pr   PR
	}{{"strict (root, country/group + role)", rep.Strict}, {"lenient (root, country/group)", rep.Lenient}} {
		fmt.Fprintf(tw, "%s\t%.1f %%\t%.1f %%\t%.1f\t%d / %d\t%d / %d\t\n", r.name, 100*r.pr.Precision, 100*r.pr.Recall, 100*r.pr.F1, r.pr.Matched, rep.System, r.pr.Found, rep.Gold)
	}
	fmt.Fprintln(tw, "\nroot\tlabel\tgold\tcoded\tprecision\trecall\t")
	for _, r := range rep.Roots {
		fmt.Fprintf(tw, "%s\t%s\t%d\t%d\t%.1f %%\t%.1f %%\t\n", r.Root, r.Label, r.Gold, r.System, 100*r.Precision, 100*r.Recall)
	}
	if len(rep.Confidence) > 0 {
		fmt.Fprintln(tw, "\nconfidence\tcoded\tright\tstrict precision\tmean confidence\t")
	}
	for _, b := range rep.Confidence {
		fmt.Fprintf(tw, "%s\t%d\t%d\t%.1f %%\t%.2f\t\n", b.Name(), b.Mentions, b.Right, 100*ratio(b.Right, b.Mentions), b.Mean)
	}
	fmt.Fprintln(tw, "\nerror\tmisses\textras\t")
	for _, c := range []string{ErrMissed, ErrWrongActor, ErrWrongRoot, ErrStatementTarget, ErrModality, ErrExtra} {
		fmt.Fprintf(tw, "%s\t%d\t%d\t\n", c, rep.MissErrors[c], rep.ExtraErrors[c])
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	for _, list := range []struct {
		name  string
		diffs []NewsDifference
	}{{"misses", rep.Misses}, {"extras", rep.Extras}} {
		fmt.Fprintf(w, "\n%s (%d):\n", list.name, len(list.diffs))
		for _, d := range list.diffs {
			fmt.Fprintf(w, "  %-16s %s\n", d.Category, d.describe())
		}
	}
	return nil
}

func (d *NewsDifference) describe() string {
	var b strings.Builder
	if g := d.Gold; g != nil {
		fmt.Fprintf(&b, "%s [%d,%d) gold %s→%s %s", g.Doc, g.Span[0], g.Span[1], g.Source, g.Target, g.Code)
		if s := d.NearSystem; s != nil {
			fmt.Fprintf(&b, "; coded %s→%s %s", s.Source, s.Target, s.Code)
		}
		fmt.Fprintf(&b, " (%s:%d)", g.File, g.Line)
		if d.Sentence != "" {
			fmt.Fprintf(&b, ": %s", d.Sentence)
		}
	}
	if s := d.System; s != nil {
		fmt.Fprintf(&b, "%s [%d,%d) coded %s→%s %s", s.Doc, s.Span[0], s.Span[1], s.Source, s.Target, s.Code)
		if s.File != "" {
			fmt.Fprintf(&b, " (%s:%d)", s.File, s.Line)
		}
		if g := d.NearGold; g != nil {
			fmt.Fprintf(&b, "; gold %s→%s %s %s (%s:%d)", g.Source, g.Target, g.Code, g.Modality, g.File, g.Line)
		}
		fmt.Fprintf(&b, ": %s", s.Sentence)
	}
	return b.String()
}
