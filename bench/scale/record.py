#!/usr/bin/env python3
"""Turns one timed run into a log line of bench/scale.sh:
"<row> <side> <wall s> <cpu s> <peak RSS MB> <value> <route> <certified>".

Usage: record.py ROW SIDE TIME_FILE STDOUT_FILE KEY  (TIME_FILE: /usr/bin/time -v's report; STDOUT_FILE: our JSON, or
POT's bare value when KEY is '-')
"""
import json
import sys


def seconds(text):
    parts = [float(p) for p in text.split(':')]
    total = 0.0
    for p in parts:
        total = total * 60 + p
    return total


def main():
    row, side, time_file, out_file, key = sys.argv[1:6]
    info = {}
    with open(time_file) as f:
        for line in f:
            if ':' in line:
                name, _, value = line.strip().rpartition(': ')
                info[name] = value
    wall = seconds(info['Elapsed (wall clock) time (h:mm:ss or m:ss)'])
    cpu = float(info['User time (seconds)']) + float(info['System time (seconds)'])
    rss = float(info['Maximum resident set size (kbytes)']) / 1024
    status = info.get('Exit status', '0')
    text = open(out_file).read()
    if status != '0':
        print(f'{row} {side} {wall:.2f} {cpu:.2f} {rss:.0f} nan failed exit-{status}')
        return
    if key == '-':
        print(f'{row} {side} {wall:.2f} {cpu:.2f} {rss:.0f} {float(text):.17g} pot -')
        return
    j = json.loads(text)
    cert = j.get('certificate' if key == 'w1' else 'certificate_w2', {}).get('holds')
    print(f'{row} {side} {wall:.2f} {cpu:.2f} {rss:.0f} {j[key]:.17g} {j.get("route", "-")} {cert}')


if __name__ == '__main__':
    main()
