#!/usr/bin/env python3
"""Generate a deterministic benchmark vault for Between.

    python3 bench/generate.py N [--out DIR] [--seed S]

Writes N Markdown files (6 homework assignments, a session every two weeks, and
three journal entries a day, ending on a fixed date) under DIR (default
bench/work/vault-N/), plus DIR.json describing it (file count, bytes, first and
last day) for bench/run.py. The same N and seed always give the same files.
All text is invented from the word lists below. Standard library only.

If DIR.json already matches N, the seed and this script, the vault is reused.
"""

import argparse
import datetime as dt
import hashlib
import json
import os
import random
import shutil
import sys

LAST_DAY = dt.date(2026, 11, 30)  # fixed, so the vault never depends on today's date
DEFAULT_SEED = 20261130

# --- word lists ---------------------------------------------------------------

PEOPLE = ["Sam", "Maya", "Dev", "Priya", "Tom", "my sister", "Mum", "Dad", "the neighbour",
          "my manager", "Jess", "Alex", "the new guy at work", "my flatmate", "Grandma", "Omar"]
PLACES = ["the bus", "the supermarket", "the office", "the park", "the train", "the dentist",
          "the gym", "the high street", "the café on the corner", "the library", "the post office",
          "the kitchen", "the pharmacy", "the school gates", "the queue at the bank", "the lift"]
ACTIVITIES = ["a ten-minute walk", "the washing up", "calling Mum", "a swim", "reading in bed",
              "tidying the desk", "cooking a proper dinner", "a bike ride", "watering the plants",
              "answering three emails", "a yoga video", "baking bread", "a walk round the lake",
              "sorting the recycling", "playing guitar", "drawing for half an hour", "the weekly shop",
              "ringing the GP", "a coffee with Jess", "fixing the shelf", "gardening"]
FEELINGS = ["anxious", "tired", "flat", "restless", "calm", "irritable", "hopeful", "ashamed",
            "low", "wired", "okay", "lighter", "tense", "numb", "proud", "sad", "relieved"]
BODY = ["my chest was tight", "my heart was racing", "my hands were shaking", "my stomach dropped",
        "I felt dizzy", "my jaw ached", "I could not catch my breath", "my shoulders were up by my ears",
        "I went hot all over", "my legs felt like jelly", "I had a headache behind my eyes"]
THOUGHTS = ["everyone can tell something is wrong", "I am going to make a fool of myself",
            "I will panic and not be able to get out", "they think I am useless",
            "I should be over this by now", "something bad is about to happen",
            "I have ruined it again", "nobody actually wants me there", "I cannot cope with this",
            "I am letting everyone down", "it will never get better", "I will faint in public"]
TIMES = ["this morning", "after lunch", "late in the afternoon", "in the evening", "just before bed",
         "on the way home", "at about three", "first thing", "around midnight", "during the meeting"]
SKILLS = ["paced breathing", "opposite action", "check the facts", "TIPP", "self-soothe",
          "radical acceptance", "wise mind", "pros and cons", "STOP", "build mastery", "DEAR MAN"]
TAGS = ["work", "sleep", "family", "win", "bus", "supermarket", "friends", "exercise", "money",
        "health", "weekend", "social", "deadline", "rest", "outside", "milestone", "panic"]
WEATHER = ["grey", "wet", "bright", "cold", "muggy", "windy", "foggy", "sunny", "freezing"]
WORK = ["the Q4 report", "a budget meeting", "the audit", "a client call", "the rota",
        "the quarterly review", "my appraisal", "the handover", "a training day", "the move to the new system"]

SENTENCES = [
    "Woke up feeling {feeling} and it took a while to shift.",
    "{Person} asked how I was doing and I said fine, which was not quite true.",
    "Went to {place} {time} and {body}.",
    "The thought that kept coming back was that {thought}.",
    "I noticed the anxiety building {time} and tried to slow my breathing down.",
    "Managed {activity}, which was more than I expected to do today.",
    "It was {weather} out, and I nearly talked myself out of going.",
    "Spent most of the day worrying about {work}.",
    "When {body}, I told myself it was adrenaline and not danger.",
    "Ended up feeling {feeling} rather than {feeling2}, which is progress of a sort.",
    "I keep predicting the worst and it keeps not happening.",
    "Slept about {hours} hours, so everything felt harder than it needed to.",
    "Talked to {person} about {work} and it went better than I feared.",
    "I stayed at {place} for {minutes} minutes instead of leaving straight away.",
    "The urge to cancel was strong, but I went anyway.",
    "Wrote the worry down and came back to it an hour later; it looked smaller.",
    "Did the breathing in the car park before going in.",
    "There was a moment {time} when I felt properly {feeling}.",
    "I caught myself mind-reading again: assuming {person} was annoyed with me.",
    "Tried to notice five things I could see, four I could hear, and so on.",
    "{Activity} helped more than I thought it would.",
    "Skipped {activity} because I ran out of energy, and that is okay.",
    "Felt the familiar wave of dread at {place}, rode it out, and it passed.",
    "Honestly not sure the homework is helping this week.",
    "By the evening the anxiety had dropped to a background hum.",
    "Remembered what Maya said about action coming before motivation.",
    "Had a good laugh with {person}, which I had not done in ages.",
    "The supermarket was busy and loud, and I still got everything on the list.",
    "I noticed I was avoiding {place} again and made myself go.",
    "My mood dipped after the call with {person}, then came back up.",
]
PANIC = [  # rarer, so that `between search panic` finds a realistic share of entries
    "Had a proper panic attack at {place} {time}; {body}.",
    "The panic peaked at about {minutes} percent and then slid down on its own.",
    "Read the panic cycle diagram again and it made sense this time.",
]
QUESTIONS = [
    "Is it normal to feel worse after {activity}?",
    "Should I keep going with the diary card if it feels like one more job?",
    "How do I tell {person} what is going on without making it a big deal?",
    "What do I do when it all kicks off at {place} and I cannot leave?",
    "Is there a lighter version of the homework for deadline weeks?",
    "Why does waiting feel worse than the thing itself?",
    "Can we talk about sleep again?",
    "How long before the exposures start to feel easier?",
    "Am I doing the thought records wrong if the balanced thought does not feel true?",
    "Could we space the sessions out a bit now?",
]
TASKS = [
    "book the GP appointment", "email {person} back", "plan next week's activities",
    "print a new diary card", "try {place} again on Thursday", "buy a notebook for morning pages",
    "ask about the sleep leaflet", "put the breathing reminder back on my phone",
    "fill in the PHQ-9 before the session", "write down three wins for the week",
]


class Text:
    """Invents sentences, paragraphs, lists and questions from the word lists."""

    def __init__(self, rng):
        self.rng = rng

    def fill(self, template):
        r = self.rng
        f1, f2 = r.sample(FEELINGS, 2)
        values = dict(person=r.choice(PEOPLE), place=r.choice(PLACES), activity=r.choice(ACTIVITIES),
                      feeling=f1, feeling2=f2, body=r.choice(BODY), thought=r.choice(THOUGHTS),
                      time=r.choice(TIMES), weather=r.choice(WEATHER), work=r.choice(WORK),
                      hours=r.randint(3, 8), minutes=r.randint(5, 60))
        values.update({k.capitalize(): str(v)[0].upper() + str(v)[1:]
                       for k, v in list(values.items())})
        return template.format(**values)

    def sentence(self):
        if self.rng.random() < 0.006:
            return self.fill(self.rng.choice(PANIC))
        return self.fill(self.rng.choice(SENTENCES))

    def question(self):
        return self.fill(self.rng.choice(QUESTIONS))

    def task(self):
        done = "x" if self.rng.random() < 0.3 else " "
        return "- [%s] %s" % (done, self.fill(self.rng.choice(TASKS)))

    def paragraph(self, n=None):
        n = n or self.rng.randint(2, 5)
        return " ".join(self.sentence() for _ in range(n))

    def bullets(self, n=None):
        n = n or self.rng.randint(2, 4)
        return "\n".join("- " + self.sentence() for _ in range(n))


def words(text):
    return len(text.split())


def body(text, rng, headings):
    """A Markdown body of 150-600 words: the given section headings (or plain paragraphs),
    lists, a question or two, sometimes tasks, filled round-robin until the word budget is used."""
    budget = rng.randint(150, 600)
    sections = [[h] for h in headings] or [[]]
    used, i = 0, 0
    while used < budget:
        part = text.bullets() if rng.random() < 0.3 else text.paragraph()
        sections[i % len(sections)].append(part)
        used += words(part)
        i += 1
    tail = []
    if rng.random() < 0.5:
        tail += ["## For next session", "\n".join("- " + text.question() for _ in range(rng.randint(1, 2)))]
    elif rng.random() < 0.5:
        tail.append(text.question())
    if rng.random() < 0.25:
        tail += ["## To do", "\n".join(text.task() for _ in range(rng.randint(1, 3)))]
    return "\n\n".join(["\n\n".join(s) for s in sections if s] + tail) + "\n"


# --- front matter -------------------------------------------------------------

def yaml_value(v):
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, (int, float)):
        return str(v)
    if isinstance(v, list):
        return "[" + ", ".join(yaml_value(x) for x in v) + "]"
    if isinstance(v, str) and all(c.isalnum() or c in "-_:. " for c in v) and not v[:1].isdigit() \
            and ": " not in v and v not in ("yes", "no", "true", "false", "null", "on", "off"):
        return v
    return json.dumps(v, ensure_ascii=False)  # a JSON string is a YAML double-quoted scalar


def front_matter(fields):
    lines = ["---"]
    for key, v in fields.items():
        if isinstance(v, dict):
            lines.append(key + ":")
            lines += ["  %s: %s" % (k, yaml_value(x)) for k, x in v.items()]
        elif isinstance(v, RawDate):
            lines.append("%s: %s" % (key, v.text))
        else:
            lines.append("%s: %s" % (key, yaml_value(v)))
    return "\n".join(lines + ["---", ""]) + "\n"


class RawDate:
    """A date or zone-less local date-time, written unquoted."""

    def __init__(self, text):
        self.text = text


def clamp(x, lo, hi):
    return max(lo, min(hi, int(round(x))))


HOMEWORK = [
    # id, title, frequency, expects, day offset from the first day
    ("breathing-478", "4-7-8 breathing", "daily", "mood", 0),
    ("morning-pages", "Morning pages", "daily", "reflection", 14),
    ("thought-records", "Thought records", "3/week", "thought-record", 28),
    ("activity-scheduling", "Activity scheduling (behavioural activation)", "weekdays", "activity", 56),
    ("bus-exposure", "Graded exposure: buses", "2/week", "exposure", 84),
    ("dbt-diary-card", "DBT diary card", "1/week", "diary-card", 120),
]
EXPECTS = {h[3]: h for h in HOMEWORK}
JOURNAL_TYPES = ["mood", "thought-record", "exposure", "activity", "reflection", "diary-card"]
JOURNAL_WEIGHTS = [30, 17, 12, 17, 16, 8]


class Generator:
    def __init__(self, n, seed):
        self.n = n
        self.rng = random.Random(seed)
        self.text = Text(self.rng)
        # Three entries a day plus a session every 14 days, ending on LAST_DAY.
        journal_and_sessions = max(0, n - len(HOMEWORK))
        days = int(journal_and_sessions / (3 + 1 / 14)) + 1
        self.first = LAST_DAY - dt.timedelta(days=days - 1)

    def files(self):
        """Yields (relative path, text) for every file, exactly n of them."""
        yield "between.yml", self.config()
        count = 0
        for hw in HOMEWORK[:self.n]:
            yield "homework/%s.md" % hw[0], self.homework(hw)
            count += 1
        day, index, session_no, measure_no = self.first, 0, 0, 0
        while count < self.n:
            if index % 14 == 0:
                session_no += 1
                yield "sessions/%s.md" % day.isoformat(), self.session(day, session_no)
                count += 1
            times = [(self.rng.randint(6, 10), self.rng.choice([0, 5, 15, 20, 30, 45])),
                     (self.rng.randint(12, 17), self.rng.choice([0, 10, 15, 30, 40, 50])),
                     (self.rng.randint(19, 23), self.rng.choice([0, 15, 25, 30, 45, 55]))]
            for slot, (h, m) in enumerate(times):
                if count >= self.n:
                    break
                if index % 14 == 13 and slot == 2:
                    kind = "measure"  # the evening before each session
                    measure_no += 1
                else:
                    kind = self.rng.choices(JOURNAL_TYPES, JOURNAL_WEIGHTS)[0]
                when = dt.datetime(day.year, day.month, day.day, h, m, self.rng.randint(0, 59))
                path = "journal/%04d/%02d/%s-%02d%02d-%s.md" % (day.year, day.month, day.isoformat(), h, m, kind)
                yield path, self.entry(kind, when, index, measure_no)
                count += 1
            day += dt.timedelta(days=1)
            index += 1
        self.last = day - dt.timedelta(days=1)

    def config(self):
        return ("# Generated benchmark vault (bench/generate.py). Invented data.\n"
                "timezone: Europe/London\nweek-start: monday\n"
                "thresholds:\n  distress: 70\n  fit: 3\n  helpful: 3\n  functioning: 3\n"
                "crisis-line: \"Samaritans (UK & Ireland): 116 123\"\nprivate-by-default: false\n")

    def homework(self, hw):
        hid, title, frequency, expects, offset = hw
        assigned = self.first + dt.timedelta(days=offset)
        fields = {"type": "homework", "id": hid, "title": title, "assigned": RawDate(assigned.isoformat()),
                  "frequency": frequency, "status": self.rng.choice(["active"] * 4 + ["paused", "done"]),
                  "expects": expects, "goal": self.text.sentence()}
        intro = "From the session on %s:" % assigned.strftime("%d %B %Y")
        steps = "\n".join("%d. %s" % (i + 1, self.text.sentence()) for i in range(self.rng.randint(3, 6)))
        return front_matter(fields) + "# %s\n\n%s\n\n%s\n\n%s" % (
            title, intro, steps, body(self.text, self.rng, ["## Why", "## If it goes wrong"]))

    def session(self, day, number):
        fields = {"type": "session", "date": RawDate(day.isoformat()),
                  "next": RawDate((day + dt.timedelta(days=14)).isoformat())}
        agreed = "\n".join(self.text.task() for _ in range(self.rng.randint(2, 4)))
        return front_matter(fields) + "# Session %d\n\n%s\n\n## Agreed\n\n%s\n" % (
            number, body(self.text, self.rng, ["## What we talked about"]).rstrip("\n"), agreed)

    def mood_level(self, index):
        """A slow, noisy wave, so ratings drift over months like a real person's."""
        import math
        return 5 + 2.2 * math.sin(index / 61.0) + 1.2 * math.sin(index / 9.0) + self.rng.gauss(0, 1.3)

    def entry(self, kind, when, index, measure_no):
        r, text = self.rng, self.text
        level = self.mood_level(index)
        fmt = r.choice(["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M", "%Y-%m-%dT%H:%M:%S"])
        fields = {"type": kind, "date": RawDate(when.strftime(fmt))}
        hw = EXPECTS.get(kind)
        if hw and r.random() < 0.7 and when.date() >= self.first + dt.timedelta(days=hw[4]):
            fields["homework"] = hw[0]
        headings = []
        if kind != "measure":
            distress = clamp(100 - level * 10 + r.gauss(0, 12), 0, 100)
            if r.random() < 0.8:
                fields["mood"] = clamp(level, 0, 10)
            if r.random() < 0.7:
                fields["distress"] = distress
            if "homework" in fields:
                fields["helpful"] = clamp(level + r.gauss(1, 2), 0, 10)
                fields["fit"] = clamp(6 + r.gauss(0, 2.2), 0, 10)
            if r.random() < 0.4:
                fields["functioning"] = clamp(level + r.gauss(0, 1.5), 0, 10)
        if kind == "thought-record":
            fields["title"] = "%s at %s" % (r.choice(FEELINGS).capitalize(), r.choice(PLACES))
            fields["situation"] = text.sentence()
            names = r.sample(["anxious", "ashamed", "sad", "angry", "guilty", "scared", "lonely"], r.randint(1, 3))
            before = {n: r.randrange(30, 101, 5) for n in names}
            fields["emotions"] = before
            fields["emotions-after"] = {n: max(0, v - r.randrange(0, 50, 5)) for n, v in before.items()}
            headings = ["## Automatic thoughts", "## Evidence for", "## Evidence against", "## Balanced thought"]
        elif kind == "exposure":
            peak = r.randrange(30, 101, 5)
            fields["suds-before"] = max(0, peak - r.randrange(0, 30, 5))
            fields["suds-peak"] = peak
            fields["suds-after"] = max(0, peak - r.randrange(10, 70, 5))
            fields["minutes"] = r.randint(5, 90)
            headings = ["# " + r.choice(PLACES).capitalize(), "## Prediction", "## What happened", "## What I learned"]
        elif kind == "activity":
            fields["activity"] = r.choice(ACTIVITIES)
            fields["mastery"] = clamp(level + r.gauss(0, 2), 0, 10)
            fields["pleasure"] = clamp(level + r.gauss(0, 2), 0, 10)
            headings = ["## Plan", "## How it went"]
        elif kind == "reflection":
            headings = ["# " + r.choice(["Morning pages", "A hard day", "Looking back", "Small wins", "Notes"])]
        elif kind == "diary-card":
            fields["urges"] = {u: r.randint(0, 5) for u in r.sample(
                ["avoid", "isolate", "cancel-plans", "check-pulse", "quit", "snap"], r.randint(2, 4))}
            fields["skills"] = r.sample(SKILLS, r.randint(1, 4))
            headings = ["## This week", "## Skills used"]
        elif kind == "measure":
            if measure_no % 2:
                fields["instrument"] = "phq9"
                items = [clamp(r.gauss(1.5 - (level - 5) / 3, 0.8), 0, 3) for _ in range(8)]
                items.append(1 if r.random() < 0.03 else 0)
            else:
                fields["instrument"] = "gad7"
                items = [clamp(r.gauss(1.5 - (level - 5) / 3, 0.8), 0, 3) for _ in range(7)]
            fields["items"] = items
        flags = [f for f, p in [("triggered", 0.05), ("overwhelmed", 0.04), ("skipped", 0.03), ("unsafe", 0.002)]
                 if r.random() < p]
        if flags:
            fields["flags"] = flags
        tags = r.sample(TAGS, r.choice([0, 0, 1, 1, 2, 3]))
        if tags:
            fields["tags"] = tags
        if r.random() < 0.03:
            fields["private"] = True
        return front_matter(fields) + body(text, r, headings)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("n", type=int, help="number of .md files to write")
    parser.add_argument("--out", help="vault folder (default: bench/work/vault-N)")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    args = parser.parse_args()
    here = os.path.dirname(os.path.abspath(__file__))
    out = args.out or os.path.join(here, "work", "vault-%d" % args.n)
    meta_path = out.rstrip("/") + ".json"

    with open(os.path.abspath(__file__), "rb") as f:
        script_hash = hashlib.sha256(f.read()).hexdigest()[:16]
    wanted = {"n": args.n, "seed": args.seed, "generator": script_hash}
    try:
        with open(meta_path) as f:
            meta = json.load(f)
        if {k: meta.get(k) for k in wanted} == wanted and os.path.isdir(out):
            print("bench: reusing %s (%d files, %.1f MB)" % (out, meta["files"], meta["bytes"] / 1e6))
            return
    except (OSError, ValueError):
        pass

    shutil.rmtree(out, ignore_errors=True)
    gen = Generator(args.n, args.seed)
    files, total = 0, 0
    for rel, text in gen.files():
        path = os.path.join(out, rel)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        data = text.encode("utf-8")
        with open(path, "wb") as f:
            f.write(data)
        total += len(data)
        files += rel.endswith(".md")
    meta = dict(wanted, files=files, bytes=total, first=gen.first.isoformat(),
                last=getattr(gen, "last", gen.first).isoformat())
    with open(meta_path, "w") as f:
        json.dump(meta, f, indent=2)
    print("bench: wrote %s (%d files, %.1f MB, %s to %s)" % (out, files, total / 1e6, meta["first"], meta["last"]))


if __name__ == "__main__":
    sys.exit(main())
