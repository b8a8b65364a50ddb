#!/usr/bin/env bash
# make-big-content.sh OUTDIR — writes a content folder about 100 times the
# bundled one (issue 9): 24 topics (the most a menu takes) of 35 cards each,
# 840 cards of generated text, and 240 generated pictures (ImageMagick),
# most 1600x1200 JPEGs, every tenth a 3000x2000 PNG, so the decode-and-scale
# path is timed too. The bundled content has 8 topics, 51 cards, ~9 KiB of
# Markdown and 1 picture; this one ~100x the Markdown bytes and 240x the
# pictures. Made in a temporary folder for the bench, never committed.
set -euo pipefail
out=${1:?usage: make-big-content.sh OUTDIR}
src=$(cd "$(dirname "$0")/../.." && pwd)
command -v convert >/dev/null || { echo "make-big-content.sh: ImageMagick's convert is needed" >&2; exit 2; }
mkdir -p "$out/images"
topics=24 cards=35 images_per_topic=10

# Settings and labels as the bundled content has them.
cp "$src/content/kiosk.ini" "$out/kiosk.ini"

words=(calm warm stone garden steam cedar water quiet evening morning shoulder
       knee massage stretch breath rest muscle tension release gentle light
       room towel oil heat deep tissue relax slow pressure back neck hands feet)
sentence() {   # sentence SEED N: N pseudo-random words, a capital and a full stop
  local s=$1 n=$2 i w out=""
  for ((i = 0; i < n; i++)); do
    w=${words[$(((s * 31 + i * 17 + i * i) % ${#words[@]}))]}
    out+="${out:+ }$w"
  done
  printf '%s.' "${out^}"
}

for ((t = 1; t <= topics; t++)); do
  f=$(printf '%s/%02d-topic-%02d.md' "$out" "$t" "$t")
  {
    printf '# Topic %d: %s\n\n' "$t" "$(sentence "$t" 3 | tr -d .)"
    for ((c = 1; c <= cards; c++)); do
      seed=$((t * 100 + c))
      printf '## Card %d of topic %d\n\n' "$c" "$t"
      printf '%s %s\n\n' "$(sentence "$seed" 14)" "$(sentence $((seed + 7)) 11)"
      printf '%s\n\n' "$(sentence $((seed + 3)) 16)"
      printf -- '- %s\n- %s\n\n' "$(sentence $((seed + 5)) 6)" "$(sentence $((seed + 9)) 7)"
      if ((c % 4 == 1)); then   # ten pictures per topic, spread over its cards
        i=$(((t - 1) * images_per_topic + (c - 1) / 4 + 1))
        ext=jpg; ((i % 10)) || ext=png
        printf '![Generated picture %d](images/pic-%03d.%s)\n\n' "$i" "$i" "$ext"
      fi
    done
  } >"$f"
done

# Pictures: a gradient, a disc and a number, two at a time.
# shellcheck disable=SC2016 # the inner script expands its own arguments
for ((i = 1; i <= topics * images_per_topic; i++)); do
  if ((i % 10)); then echo "$i 1600x1200 jpg"; else echo "$i 3000x2000 png"; fi
done | xargs -P 2 -L 1 sh -c '
  n=$0 size=$1 ext=$2
  h1=$(( (n * 37) % 360 )); h2=$(( (n * 71 + 120) % 360 ))
  convert -size "$size" "gradient:hsl($h1,60%,35%)-hsl($h2,55%,60%)" \
    -fill "rgba(255,255,255,0.35)" -draw "circle 800,600 800,300" \
    -pointsize 160 -fill white -gravity center -annotate +0+0 "$n" \
    -quality 85 "'"$out"'/images/$(printf "pic-%03d" "$n").$ext"'
echo "make-big-content.sh: $out: $topics topics, $((topics * cards)) cards, $((topics * images_per_topic)) pictures"
