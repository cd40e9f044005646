// Package builtin holds Dyad's default dictionaries, embedded in the
// binary, and reads them into the coder's dictionary model (dict).
//
// The dictionaries are written by the project, in Dyad's own text format
// (docs/DICTIONARIES.md), under data/:
//
//   - countries.txt: every UN member and observer state and major
//     territories, with names, adjectives, people-nouns, capitals and major
//     cities, coded by their ISO 3166-1 alpha-3 code;
//   - organisations.txt and institutions.txt: international organisations,
//     NGOs, and state institutions that stand for a government ("the
//     Kremlin");
//   - groups.txt and leaders.txt: non-state armed groups and their leaders,
//     heads of state and government, with dated codes;
//   - agents.txt: nouns for kinds of actor ("fighters", "government") whose
//     codes combine with an actor's ("Iraqi fighters" is IRQUAF);
//   - sets.txt, forms.txt and verbs/*.txt: event patterns for all 20 CAMEO
//     roots, the word sets they use and irregular verb forms;
//   - transforms.txt: rewrites of reported events ("A says it attacked B"
//     is a claim of responsibility).
//
// Parse reads a directory of such files into a Set, checking every code
// against the CAMEO codebook and every reference, and reports errors with
// file and line. Set.Dictionary converts a Set into a compiled
// *dict.Dictionary, so that the coder can use Dyad's dictionaries and the
// PETRARCH ones interchangeably. Default and Dictionary do both for the
// embedded files.
//
// testdata/articles holds news articles written for the project with the
// events a coder should find in them (NAME.events, read by ReadExpected);
// coder/testdata/builtin.conllu holds hand-parsed sentences that a test of
// package coder codes with these dictionaries.
//
// A pattern hangs on a verb ("SRC *attack TGT"), on a noun naming an event
// ("*clash between PAIR", "SRC 's *attack on TGT"; Pattern.Nominal) or on
// the predicate of a clause with "be" ("SRC be *responsible for @attack on
// TGT"; Pattern.Predicate); Set.Dictionary gives each the matching anchor
// kind of the dict model. Names written to match only with their own
// capitalisation ("IS", "=Islamic State") become dict names with Cased
// words.
package builtin
