// Package nlp holds the linguistic annotation of Dyad: sentences of words
// with their byte offsets, part-of-speech tags, lemmas and a Universal
// Dependencies tree, and the pipeline of stages that produces them.
//
// # Sentences and words
//
// A [Sentence] is a list of syntactic words ([Token]) numbered from 1, with
// the fields of a CoNLL-U word line. Where one written token holds several
// syntactic words, as English contractions do ("don't" is "do" + "n't",
// "Iraq's" is "Iraq" + "'s"), the sentence lists a [MultiWord] over them,
// as UD English (EWT) does. Every word carries the byte offsets of its
// written token in the text it came from, so that later stages (the event
// coder) can point back at the exact text.
//
// # Stages
//
// The annotation is made by four kinds of stages, each a small interface:
// a [Tokenizer] splits raw text into sentences of words, a [Tagger] fills
// UPOS and XPOS (and its runner-up tags where it was in doubt), a [Parser]
// fills heads and relations, settling the tags in doubt as it parses, and
// a [Lemmatizer] fills lemmas from the settled tags. Implementations live
// in sub-packages:
// dyad/nlp/tokenize, dyad/nlp/tag, dyad/nlp/lemma and dyad/nlp/parse;
// dyad/nlp/conllu reads and writes treebanks.
//
// # Registry and pipeline
//
// Stages are built by name through an explicit [Registry] value, never by
// init-time globals; dyad/nlp/english returns one holding Dyad's English
// stages. A [Spec] names the stages of a [Pipeline], and
// [Registry.Pipeline] validates the whole chain before use: every name must
// be known, every model must load (lazily, once per Registry), and every
// stage must find the layers it needs ([Layer]) from the input or an earlier
// stage — a lemmatizer without a tagger before it is an error, unless the
// input is declared tagged.
//
//	p, err := english.Pipeline()
//	if err != nil { ... }
//	sents, err := p.Text("Gen. Petraeus said U.S. forces don't expect it.")
//
// [Pipeline.Text] runs everything on raw text; [Pipeline.Annotate] runs the
// stages after the tokenizer on one sentence already split into words, such
// as a treebank sentence.
package nlp
