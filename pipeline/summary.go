package pipeline

import (
	"errors"
	"fmt"
	"maps"
	"slices"
	"strings"
	"sync/atomic"
	"time"

	"dyad/nlp"
)

// The stages a Summary times, in the order documents pass them.
const (
	stageRead = iota
	stageExtract
	stageDedup
	stageTokenize
	stageTag
	stageParse
	stageLemmatize
	stageRecognize
	stageCode
	stageWrite
	numStages
)

var stageNames = [numStages]string{"read", "extract", "dedup", "tokenize", "tag", "parse", "lemmatize", "recognize", "code", "write"}

// nlpStage maps an NLP stage kind to its stage.
func nlpStage(kind string) int {
	switch kind {
	case nlp.KindTokenizer:
		return stageTokenize
	case nlp.KindTagger:
		return stageTag
	case nlp.KindParser:
		return stageParse
	case nlp.KindLemmatizer:
		return stageLemmatize
	default:
		return stageRecognize
	}
}

// Stage is the time one stage of a run was busy, summed over the
// goroutines that ran it.
type Stage struct {
	Name string        `json:"name"`
	Busy time.Duration `json:"busy_ns"`
}

// Summary counts what a run did. Counts are of results put to the sink.
type Summary struct {
	// Results is the number of results put to the sink: documents and
	// inputs that could not be read.
	Results int `json:"results"`
	// Articles were extracted (or read as CoNLL-U documents).
	Articles int `json:"articles"`
	// Failed documents could not be read or extracted, or failed to code.
	Failed int `json:"failed"`
	// Duplicates are near-duplicates of earlier articles.
	Duplicates int `json:"duplicates"`
	// Skipped articles went beyond the Limits.
	Skipped int `json:"skipped"`
	// PassedOver counts by reason the documents that were read but are
	// not news Dyad codes (PassReason): neither failed nor coded.
	PassedOver map[string]int `json:"passed_over,omitempty"`
	// Coded articles, and their sentences, words and events.
	Coded     int `json:"coded"`
	Sentences int `json:"sentences"`
	Words     int `json:"words"`
	Events    int `json:"events"`
	// Workers is the number of parse+code workers.
	Workers int `json:"workers"`
	// Elapsed is the run's wall time.
	Elapsed time.Duration `json:"elapsed_ns"`
	// Stages are the busy times of the stages, in order: read, extract,
	// dedup, tokenize, tag, parse, lemmatize, recognize, code, write.
	Stages []Stage `json:"stages"`
	// Interrupted is set when the context ended the run.
	Interrupted bool `json:"interrupted"`
}

// String is a one-line account of the run.
func (s Summary) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%d articles coded (%d sentences, %d events)", s.Coded, s.Sentences, s.Events)
	if s.Duplicates > 0 {
		fmt.Fprintf(&b, ", %d near-duplicates", s.Duplicates)
	}
	if s.Skipped > 0 {
		fmt.Fprintf(&b, ", %d skipped", s.Skipped)
	}
	if n, why := s.Passed(); n > 0 {
		fmt.Fprintf(&b, ", %d passed over (%s)", n, why)
	}
	if s.Failed > 0 {
		fmt.Fprintf(&b, ", %d failed", s.Failed)
	}
	fmt.Fprintf(&b, " in %.1f s", s.Elapsed.Seconds())
	if s.Interrupted {
		b.WriteString(", interrupted")
	}
	return b.String()
}

// Passed returns how many documents were passed over and why, by reason:
// "2 not news, 1 language de".
func (s Summary) Passed() (n int, why string) {
	var parts []string
	for _, r := range slices.Sorted(maps.Keys(s.PassedOver)) {
		parts = append(parts, fmt.Sprintf("%d %s", s.PassedOver[r], r))
		n += s.PassedOver[r]
	}
	return n, strings.Join(parts, ", ")
}

// meter gathers a run's counts and stage times. The stage times are added
// by every stage; the counts only by the sink stage.
type meter struct {
	start   time.Time
	busy    [numStages]atomic.Int64
	sum     Summary
	workers int
}

func newMeter(workers int) *meter { return &meter{start: time.Now(), workers: workers} }

func (m *meter) add(stage int, d time.Duration) { m.busy[stage].Add(int64(d)) }

// count adds a result put to the sink.
func (m *meter) count(r *Result) {
	s := &m.sum
	s.Results++
	if r.Article != nil || r.Story != nil {
		s.Articles++
	}
	switch reason := PassReason(r.Err); {
	case reason != "":
		if s.PassedOver == nil {
			s.PassedOver = map[string]int{}
		}
		s.PassedOver[reason]++
	case errors.Is(r.Err, ErrSkipped):
		s.Skipped++
	case r.Err != nil:
		s.Failed++
	case r.Article != nil && r.Article.DuplicateOf != "":
		s.Duplicates++
	}
	if st := r.Story; st != nil {
		s.Coded++
		s.Sentences += len(st.Sentences)
		s.Events += len(st.Events)
		for _, sn := range st.Sentences {
			if sn.Parsed != nil {
				s.Words += len(sn.Parsed.Tokens)
			}
		}
	}
}

func (m *meter) summary() Summary {
	s := m.sum
	s.Workers = m.workers
	s.Elapsed = time.Since(m.start)
	for i := range numStages {
		s.Stages = append(s.Stages, Stage{Name: stageNames[i], Busy: time.Duration(m.busy[i].Load())})
	}
	return s
}
