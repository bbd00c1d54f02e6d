#!/usr/bin/env python3
"""judged.py JUDGEMENTS EVENTS.tsv: score coded events against hand judgements.

JUDGEMENTS is a docs/judgements/*.tsv file (doc, sent, source, target, code,
verdict R or W, why); EVENTS.tsv is `parley code --format tsv` output on the
same corpus. Prints how many events were judged right, wrong, or not judged
yet (a new event since the judgement: read it and add it), and lists the
unjudged and wrong ones. Read with csv.QUOTE_NONE: a text may start with '"'.
"""
import csv
import sys


def key(row):
    return (row['doc'], row['sent'], row['source'], row['target'], row['code'])


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    with open(sys.argv[1], encoding='utf-8') as f:
        lines = [l for l in f if not l.startswith('#')]
    verdict = {key(r): (r['verdict'], r['why'])
               for r in csv.DictReader(lines, delimiter='\t', quoting=csv.QUOTE_NONE)}
    with open(sys.argv[2], encoding='utf-8') as f:
        events = list(csv.DictReader(f, delimiter='\t', quoting=csv.QUOTE_NONE))
    right = wrong = 0
    todo = []
    for e in events:
        v = verdict.get(key(e))
        if v is None:
            todo.append(e)
        elif v[0] == 'R':
            right += 1
        else:
            wrong += 1
            print('W', *key(e), e['verb'], '--', v[1])
    for e in todo:
        print('?', *key(e), e['verb'], '|', e['text'][:200])
    judged = right + wrong
    share = f'{100.0 * right / judged:.1f}%' if judged else '-'
    print(f'events {len(events)}: right {right}, wrong {wrong}, not judged {len(todo)};'
          f' precision of the judged {share}')


if __name__ == '__main__':
    main()
