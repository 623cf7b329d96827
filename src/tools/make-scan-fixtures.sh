#!/usr/bin/env bash
# Builds the PDF and scan fixtures of fixtures/formats and fixtures/hostile from one fictional Dutch letter.
# Needs Debian's libreoffice-writer-nogui, poppler-utils, imagemagick, img2pdf and qpdf (not needed by the tests,
# which use the committed files). Run: bash src/tools/make-scan-fixtures.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
formats=fixtures/formats
hostile=fixtures/hostile
mkdir -p "$formats" "$hostile"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

cat > "$work/brief.txt" <<'TEXT'
Arbodienst Midden B.V.
Postbus 2417, 3500 GK Utrecht

Mevrouw J. de Wit-Bakker
Lindelaan 14
3521 KL Utrecht

Utrecht, 12 maart 2024

Betreft: uw verzuim en terugkeer naar werk

Geachte mevrouw De Wit,

Naar aanleiding van uw ziekmelding van 4 maart 2024 heeft u op 11 maart een
gesprek gehad met de bedrijfsarts. Uit het spreekuur blijkt dat u herstelt
van een hernia. U blijft de komende vier weken onder behandeling van de
fysiotherapeut en gebruikt pijnstillers op voorschrift van uw huisarts.

Wij hebben uw gegevens vastgelegd onder burgerservicenummer 123456782.
Uw geboortedatum is 17 juni 1979. Het loon wordt doorbetaald op
rekening NL91 ABNA 0417 1643 00.

Met vriendelijke groet,

drs. P. van Leeuwen
bedrijfsarts
TEXT

# 1. The letter as a text PDF (LibreOffice), also kept under a lying name: a PDF called .txt.
soffice --headless --convert-to pdf --outdir "$work" "$work/brief.txt" >/dev/null
cp "$work/brief.pdf" "$formats/brief-tekstlaag.pdf"
cp "$work/brief.pdf" "$hostile/pdf-met-txt-naam.txt"

# 2. Scanned: rasterised at 150 dpi in grey, JPEG, wrapped page-sized in a PDF without any text layer.
pdftoppm -r 150 -gray -jpeg -singlefile "$work/brief.pdf" "$work/scan"
convert "$work/scan.jpg" -colorspace Gray -quality 35 "$work/scan-grey.jpg"
img2pdf --pagesize A4 -o "$formats/scan-brief.pdf" "$work/scan-grey.jpg"

# 3. A two-page TIFF (fax-style, 1 bit, CCITT G4): the letter up to the greeting upright, the rest (with the BSN)
#    turned on its side, as a page fed into the scanner the wrong way.
split=$(grep -n '^Wij hebben' "$work/brief.txt" | cut -d: -f1)
head -n $((split - 1)) "$work/brief.txt" > "$work/blad1.txt"
tail -n +"$split" "$work/brief.txt" > "$work/blad2.txt"
for page in blad1 blad2; do
  soffice --headless --convert-to pdf --outdir "$work" "$work/$page.txt" >/dev/null
  pdftoppm -r 200 -mono -singlefile "$work/$page.pdf" "$work/$page"
  convert "$work/$page.pbm" -trim -bordercolor white -border 60 +repage "$work/$page-trim.pbm"
done
convert "$work/blad2-trim.pbm" -rotate 90 "$work/blad2-turned.pbm"
convert "$work/blad1-trim.pbm" "$work/blad2-turned.pbm" -density 200 -compress group4 "$formats/scan-twee-paginas-gedraaid.tif"

# 4. Hostile: encrypted with a user password, a PDF header in front of garbage, and a PNG cut off after its header.
qpdf --encrypt geheim geheim 256 -- "$work/brief.pdf" "$hostile/versleuteld.pdf"
{ printf '%%PDF-1.7\n%%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R'; head -c 2000 "$work/scan.jpg" | tail -c 1500; } > "$hostile/kapot.pdf"

convert "$work/blad1-trim.pbm" png:- | head -c 400 > "$hostile/afgebroken.png"

ls -la "$formats" "$hostile"
