#!/usr/bin/env python3
"""Chose the articles of Dyad's real-news evaluation (docs/ANNOTATION.md).

Run once, from this directory, with ../shared beside the repository:
    python3 select.py ../../../../shared/data
It writes docs.jsonl and batches/{dev,D2,D3,T1,T2}.txt. The candidate lists below
were picked by hand from titles and a keyword count (political, diplomatic,
conflict, protest and economic-policy news; no sports, market tables, press
digests or calendars); the split is decided by a seeded shuffle within
topic strata.

Rules:
  - The Scrapinghub pages and BBC texts below were read, with Dyad's output,
    when issue 12 was written: they go to dev only, never to test.
  - Test draws only from CoNLL-2003 test/valid documents (no model of Dyad
    is trained on them) and GUM news documents.
  - Within each topic stratum of that pool, a seeded shuffle sends
    TEST_SHARE of the documents to test and the rest to dev; dev is then
    filled from CoNLL-2003 train documents with the same topic mix.

Dev batch D2 (issue 12, added when the first dev set proved too small to
tune on): CoNLL-2003 train documents of 1996 (the kind test is made of) not
used by any set, picked by hand from the titles and keyword counts of the
train documents of 5 to 30 lines (CONLL_TRAIN_D2), drawn by a second seeded
shuffle (SEED_D2) within topic strata in test's topic mix (D2_TRAIN
documents), plus two Scrapinghub pages of 2019 that nobody had read with
Dyad's output (SCRAPINGHUB_D2), for other regions and years. The draw is
shuffled once more into the annotation order; then, draw after draw, the
D2_MORE more train documents, the next ones of each stratum's shuffle in the
same topic mix, each draw shuffled and put after the ones before (so that
drawing more never changes what was drawn before). D2 is the first
D2_ANNOTATED documents of that order: the ones whose gold was finished.
The draw uses its own random generator, so dev, T1 and T2 are as before.

Batch D3 (issue 12, added on 2026-12-08 so that the coder changes made
on dev and D2 that day can be checked on dev documents nobody tuned on):
CoNLL-2003 train documents of 1996 of 5 to 30 lines used by no set, from two
hand-picked lists: the CONLL_TRAIN_D2 candidates that D2's cut left out, and
CONLL_TRAIN_D3, picked the same way (titles and keyword counts of the train
documents not yet used; no sports, markets, company results, accidents or
disasters). The pool is drawn by a third seeded shuffle (SEED_D3, its own
random generator) within topic strata in test's topic mix (D3_TRAIN
documents), shuffled once more into the annotation order; then, as for D2,
D3_MORE more documents, the next ones of each stratum's shuffle, shuffled
and put after the first ones. D3 is the first D3_ANNOTATED documents of
that order, annotated blind (from the text alone).
Nothing drawn before changes: dev, D2, T1 and T2 are as they were.
"""
import json, os, random, re, sys

SEED = 20261207
TEST_SHARE = 0.85
DEV_TRAIN = 26          # CoNLL train documents added to dev
CAP = 40                # at most this many lines (sentences or paragraphs)

CONLL_TEST = [50, 51, 53, 54, 57, 60, 61, 64, 79, 83, 86, 87, 88, 89, 91, 93, 94, 101, 102, 104, 105,
              106, 109, 126, 127, 131, 132, 139, 141, 143, 148, 150, 151, 153, 156, 160, 164, 165,
              167, 168, 170, 179]
CONLL_VALID = [38, 44, 45, 46, 47, 49, 50, 51, 53, 57, 58, 59, 61, 64, 67, 69, 71, 72, 80, 81, 82, 88,
               90, 99, 100, 173, 174, 175, 176, 179, 180, 181, 182, 184, 186, 187, 188, 189, 190, 192,
               193, 194, 197, 198, 201, 207, 209, 210, 211]
CONLL_TRAIN = [3, 10, 12, 14, 16, 17, 81, 92, 94, 97, 102, 104, 108, 110, 126, 174, 186, 188, 192,
               193, 194, 200, 206, 284, 285, 287, 292, 293, 299, 378, 379, 382, 387, 390, 395, 396,
               451, 452, 454, 474, 476, 477, 503, 554, 555, 556, 557, 558, 559, 560, 566, 579, 599,
               601, 603, 626, 632, 708, 713, 720, 722, 731, 732, 740, 745, 748, 754, 756, 757, 794,
               835, 842, 844, 846, 853, 857, 880, 891, 905, 928, 936]
CONLL_TRAIN_D2 = [1, 11, 15, 76, 84, 85, 91, 95, 109, 111, 128, 170, 181, 183, 185, 189, 191, 201,
                  207, 225, 228, 277, 291, 294, 298, 302, 303, 375, 376, 380, 392, 456, 482, 508,
                  511, 513, 561, 569, 570, 573, 580, 585, 598, 613, 619, 630, 690, 707, 712, 719,
                  725, 730, 733, 741, 755, 765, 768, 781, 784, 787, 792, 797, 799, 829, 836,
                  840, 858, 875, 890, 895, 896, 900, 908, 909, 915]
SCRAPINGHUB_D2 = ['5a822960', 'd605bdef']
SEED_D2 = 20261208
D2_TRAIN = 36           # CoNLL train documents drawn for batch D2
D2_MORE = (12, 8)       # then these many more train documents, draw after draw, in the same strata (11 and 8 after rounding)
D2_ANNOTATED = 57       # the first this many of D2's annotation order form the batch
CONLL_TRAIN_D3 = [6, 88, 114, 117, 120, 123, 202, 205, 215, 221, 288, 296, 306, 385, 393, 459,
                  467, 475, 478, 497, 517, 562, 563, 567, 582, 610, 614, 617, 621, 622, 627, 691,
                  710, 711, 714, 721, 724, 726, 729, 751, 761, 767, 783, 785, 800, 834, 838, 850,
                  854, 856, 868, 877, 878, 893, 901, 911, 916, 921, 930]
SEED_D3 = 20261209
D3_TRAIN = 40           # CoNLL train documents drawn for batch D3
D3_MORE = (20,)         # then up to these many more (16: the conflict stratum ran out), drawn after the first 40 were annotated
D3_ANNOTATED = 56       # the first this many of D3's annotation order form the batch (all that were drawn)
GUM = ['afghan', 'clock', 'defector', 'election', 'flag', 'hackers', 'korea', 'questionnaire',
       'taxes', 'imprisoned', 'sensitive', 'worship']
SCRAPINGHUB_DEV = ['04a6711c', '1ee91d1f', '39d5c43b', '5fa3154e', '624fcd90', '6ebac05f',
                   '702d1da6', '7916ecca', '7a664e40', '7de52419', '82b6d780', '833caf3b',
                   'a1fca19b', 'a6968f42', 'c7e39ac4', 'c90731f0', 'd90bda7e', 'db6b0816',
                   'dc7ccccc', 'e4c6a3b4', 'e7301133', 'e7994d55', 'f5c90a6d', 'c58aa507']
BBC_DEV = ['politics-001', 'politics-002', 'politics-003', 'politics-005', 'politics-006',
           'politics-007', 'business-003']

TOPICS = [
    ('conflict', r'kill|attack|bomb|clash|troops|rebel|shell|fight|gunmen|militia|war\b|ceasefire|truce'),
    ('protest', r'protest|strike|march|rally|demonstrat|riot|boycott'),
    ('justice', r'arrest|court|police|jail|charged|sentence|detain|prison|trial|investigat'),
    ('economy', r'trade|tariff|tax|budget|wto|economic|loan|market|invest|aid\b'),
    ('diplomacy', r'talks|visit|meet|minister|president|agree|sign|envoy|embassy|diplomat|election|vote|parliament|party'),
]


def conll_docs(path):
    docs, cur, sent = [], None, []
    for line in open(path, encoding='utf-8'):
        line = line.rstrip('\n')
        if line.startswith('-DOCSTART-'):
            cur = []
            docs.append(cur)
            continue
        if not line.strip():
            if sent:
                cur.append(' '.join(sent))
                sent = []
            continue
        sent.append(line.split(' ')[0])
    if sent:
        cur.append(' '.join(sent))
    return docs


def topic(text):
    counts = [(len(re.findall(r'\b(' + rx + ')', text, re.I)), i) for i, (_, rx) in enumerate(TOPICS)]
    n, i = max(counts, key=lambda c: (c[0], -c[1]))
    return TOPICS[i][0]


def main(data):
    pool, train, dev = [], [], []
    for name, nums, into in (('test', CONLL_TEST, pool), ('valid', CONLL_VALID, pool), ('train', CONLL_TRAIN, train)):
        path = 'nlp/conll2003/bio/%s.txt' % name
        docs = conll_docs(os.path.join(data, path))
        for n in nums:
            into.append(dict(id='conll-%s-%03d' % (name, n), kind='conll', path=path, key=str(n),
                             topic=topic(' '.join(docs[n - 1])), lines=len(docs[n - 1])))
    for g in GUM:
        path = 'nlp/gum-news/GUM_news_%s.conllu' % g
        text = ' '.join(l[9:] for l in open(os.path.join(data, path), encoding='utf-8') if l.startswith('# text = '))
        pool.append(dict(id='gum-' + g, kind='gum', path=path, key='', topic=topic(text), lines=sum(1 for l in open(os.path.join(data, path), encoding='utf-8') if l.startswith('# text = '))))
    gt = json.load(open(os.path.join(data, 'extraction/scrapinghub/ground-truth.json'), encoding='utf-8'))
    for s in SCRAPINGHUB_DEV:
        key = next(k for k in sorted(gt) if k.startswith(s))
        dev.append(dict(id='sh-' + s, kind='scrapinghub', path='extraction/scrapinghub/ground-truth.json',
                        key=key, topic=topic(gt[key]['articleBody']), lines=99))
    for b in BBC_DEV:
        path = 'news/text/bbc-2005/%s.txt' % b
        dev.append(dict(id='bbc-' + b, kind='bbc', path=path, key='',
                        topic=topic(open(os.path.join(data, path), encoding='utf-8').read()), lines=0))

    rng = random.Random(SEED)
    test = []
    for t, _ in TOPICS:
        stratum = sorted((d for d in pool if d['topic'] == t), key=lambda d: d['id'])
        rng.shuffle(stratum)
        k = round(len(stratum) * TEST_SHARE)
        test += stratum[:k]
        dev += stratum[k:]
    # Dev's CoNLL train documents follow test's topic mix.
    want = {t: 0 for t, _ in TOPICS}
    for d in test:
        want[d['topic']] += 1
    for t, _ in TOPICS:
        stratum = sorted((d for d in train if d['topic'] == t), key=lambda d: d['id'])
        rng.shuffle(stratum)
        dev += stratum[:round(DEV_TRAIN * want[t] / len(test))]

    d2 = draw_d2(data, test)
    d3 = draw_d3(data, test, d2)
    test.sort(key=lambda d: d['id'])
    dev.sort(key=lambda d: d['id'])
    ids = {d['id'] for d in dev + test}
    assert not any(d['id'] in ids for d in d2), 'a D2 document is already in a set'
    ids |= {d['id'] for d in d2}
    assert not any(d['id'] in ids for d in d3), 'a D3 document is already in a set'
    dev = sorted(dev + d2 + d3, key=lambda d: d['id'])
    d3ids = {d['id'] for d in d3}
    os.makedirs('batches', exist_ok=True)
    with open('docs.jsonl', 'w', encoding='utf-8') as f:
        for s, docs in (('dev', dev), ('test', test)):
            for d in docs:
                rec = dict(id=d['id'], set='holdout' if d['id'] in d3ids else s, kind=d['kind'], path=d['path'])
                if d['key']:
                    rec['key'] = d['key']
                if d['kind'] in ('scrapinghub', 'gum') and d['lines'] > CAP:
                    rec['cap'] = CAP
                rec['topic'] = d['topic']
                f.write(json.dumps(rec) + '\n')
    # Test is cut in two batches of alternate documents within each topic.
    t1, t2 = [], []
    for t, _ in TOPICS:
        for i, d in enumerate(x for x in test if x['topic'] == t):
            (t1 if i % 2 == 0 else t2).append(d['id'])
    d2ids = {d['id'] for d in d2}
    for name, ids in (('dev', [d['id'] for d in dev if d['id'] not in d2ids | d3ids]), ('D2', sorted(d2ids)),
                      ('D3', sorted(d3ids)), ('T1', sorted(t1)), ('T2', sorted(t2))):
        with open('batches/%s.txt' % name, 'w', encoding='utf-8') as f:
            f.write(''.join(i + '\n' for i in ids))
    for s, docs in (('dev', dev), ('test', test)):
        mix = {}
        for d in docs:
            mix[(d['kind'], d['topic'])] = mix.get((d['kind'], d['topic']), 0) + 1
        print(s, len(docs), sorted(mix.items()))


def draw_strata(train, test, rng, first, more_sizes):
    """Draws first documents from train within topic strata in test's topic
    mix, then, draw after draw, more_sizes more: (the first draw, the
    further draws)."""
    want = {t: 0 for t, _ in TOPICS}
    for d in test:
        want[d['topic']] += 1
    drawn, more = [], [[] for _ in more_sizes]
    for t, _ in TOPICS:
        stratum = sorted((d for d in train if d['topic'] == t), key=lambda d: d['id'])
        rng.shuffle(stratum)
        n = first
        k = round(n * want[t] / len(test))
        drawn += stratum[:k]
        for i, m in enumerate(more_sizes):
            n += m
            more[i] += stratum[k:round(n * want[t] / len(test))]
            k = max(k, round(n * want[t] / len(test)))
    return drawn, more


def annotation_order(drawn, more, rng):
    """The first draw shuffled, then each further draw shuffled and put after
    the ones before, so that drawing more never changes what was drawn
    before."""
    drawn = sorted(drawn, key=lambda d: d['id'])
    rng.shuffle(drawn)
    for m in more:
        m.sort(key=lambda d: d['id'])
        rng.shuffle(m)
        drawn += m
    return drawn


def draw_d2(data, test):
    """Batch D2 of dev: the documents, in annotation order, cut at D2_ANNOTATED."""
    path = 'nlp/conll2003/bio/train.txt'
    docs = conll_docs(os.path.join(data, path))
    train = []
    for n in CONLL_TRAIN_D2:
        assert n not in CONLL_TRAIN and 5 <= len(docs[n - 1]) <= 30, n
        train.append(dict(id='conll-train-%03d' % n, kind='conll', path=path, key=str(n),
                          topic=topic(' '.join(docs[n - 1])), lines=len(docs[n - 1])))
    rng = random.Random(SEED_D2)
    d2, more = draw_strata(train, test, rng, D2_TRAIN, D2_MORE)
    gt = json.load(open(os.path.join(data, 'extraction/scrapinghub/ground-truth.json'), encoding='utf-8'))
    for s in SCRAPINGHUB_D2:
        assert s not in SCRAPINGHUB_DEV
        key = next(k for k in sorted(gt) if k.startswith(s))
        d2.append(dict(id='sh-' + s, kind='scrapinghub', path='extraction/scrapinghub/ground-truth.json',
                       key=key, topic=topic(gt[key]['articleBody']), lines=99))
    d2 = annotation_order(d2, more, rng)
    return d2[:D2_ANNOTATED]


def draw_d3(data, test, d2):
    """Batch D3 (the holdout set): the documents, in annotation order, cut at D3_ANNOTATED.

    The pool is every candidate no set uses: CONLL_TRAIN_D2's left out of D2,
    and CONLL_TRAIN_D3.
    """
    path = 'nlp/conll2003/bio/train.txt'
    docs = conll_docs(os.path.join(data, path))
    d2ids = {d['id'] for d in d2}
    train = []
    for n in CONLL_TRAIN_D2 + CONLL_TRAIN_D3:
        assert n not in CONLL_TRAIN and 5 <= len(docs[n - 1]) <= 30, n
        id = 'conll-train-%03d' % n
        if id in d2ids:
            continue
        assert not any(d['id'] == id for d in train), n
        train.append(dict(id=id, kind='conll', path=path, key=str(n),
                          topic=topic(' '.join(docs[n - 1])), lines=len(docs[n - 1])))
    rng = random.Random(SEED_D3)
    d3 = annotation_order(*draw_strata(train, test, rng, D3_TRAIN, D3_MORE), rng)
    return d3[:D3_ANNOTATED]


if __name__ == '__main__':
    main(sys.argv[1] if len(sys.argv) > 1 else '../../../../shared/data')
