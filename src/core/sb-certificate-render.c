/* sb-certificate-render.c: drawing certificates, writing and reading them as PDF
 *
 * One drawing function, free of widgets, serves the PDF file, the preview
 * (the app renders the PDF with Poppler) and printing.  Everything is
 * vector: the border, the seal and the QR code, so the certificate prints
 * sharp at any size.  Text is set with Pango in Noto Serif CJK SC, which
 * has the Latin letters too; cairo embeds the glyphs used as font subsets.
 *
 * The certificate is bilingual by nature (Art. 22 names a base in Chinese
 * and in English), so its wording does not follow the locale of whoever
 * prints it.  Its colours are those of the printed document, not of the
 * desktop's theme: a certificate looks the same in a dark session.
 */
#define G_LOG_DOMAIN "sb-certificate-render"

#include "config.h"

#include <cairo-pdf.h>
#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <math.h>
#include <pango/pangocairo.h>
#include <poppler.h>
#include <qrencode.h>
#include <string.h>

#include "sb-certificate-render.h"
#include "sb-file.h"

#define SERIF "Noto Serif CJK SC"
#define MONO  "DejaVu Sans Mono"

typedef struct
{
  double r, g, b;
} Colour;

static const Colour paper = { 0.992, 0.980, 0.949 };
static const Colour crimson = { 0.557, 0.106, 0.106 };
static const Colour gold = { 0.690, 0.553, 0.235 };
static const Colour ink = { 0.157, 0.145, 0.133 };
static const Colour muted = { 0.400, 0.361, 0.314 };
static const Colour seal_red = { 0.835, 0.102, 0.141 };

static void
set_colour (cairo_t      *cr,
            const Colour *colour,
            double        alpha)
{
  cairo_set_source_rgba (cr, colour->r, colour->g, colour->b, alpha);
}

/* Layouts measure in user units (points in a PDF), without hinting, so
 * the page is laid out the same at every scale. */
static PangoLayout *
new_layout (cairo_t    *cr,
            const char *family,
            PangoWeight weight,
            double      size,
            const char *text)
{
  PangoLayout *layout = pango_cairo_create_layout (cr);
  PangoFontDescription *font = pango_font_description_new ();
  cairo_font_options_t *options = cairo_font_options_create ();

  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (pango_layout_get_context (layout), options);
  pango_layout_context_changed (layout);
  cairo_font_options_destroy (options);

  pango_font_description_set_family (font, family);
  pango_font_description_set_weight (font, weight);
  pango_font_description_set_absolute_size (font, size * PANGO_SCALE);
  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);
  pango_layout_set_text (layout, text, -1);

  return layout;
}

static void
set_letter_spacing (PangoLayout *layout,
                    double       spacing)
{
  PangoAttrList *attrs = pango_attr_list_new ();

  pango_attr_list_insert (attrs, pango_attr_letter_spacing_new ((int) (spacing * PANGO_SCALE)));
  pango_layout_set_attributes (layout, attrs);
  pango_attr_list_unref (attrs);
}

/* Draws @layout with its top at @y, centred on @x (or from @x when
 * @align is PANGO_ALIGN_LEFT, up to @x when RIGHT); returns its height. */
static double
show_layout (cairo_t      *cr,
             PangoLayout  *layout,
             double        x,
             double        y,
             PangoAlignment align,
             const Colour *colour)
{
  PangoRectangle logical;
  double left;

  pango_layout_get_extents (layout, NULL, &logical);
  switch (align)
    {
    case PANGO_ALIGN_CENTER:
      left = x - (double) logical.width / PANGO_SCALE / 2;
      break;
    case PANGO_ALIGN_RIGHT:
      left = x - (double) logical.width / PANGO_SCALE;
      break;
    case PANGO_ALIGN_LEFT:
    default:
      left = x;
      break;
    }

  cairo_save (cr);
  set_colour (cr, colour, 1.0);
  cairo_move_to (cr, left - (double) logical.x / PANGO_SCALE, y);
  pango_cairo_show_layout (cr, layout);
  cairo_new_path (cr);
  cairo_restore (cr);

  return (double) logical.height / PANGO_SCALE;
}

static double
show_text (cairo_t       *cr,
           const char    *text,
           const char    *family,
           PangoWeight    weight,
           double         size,
           double         x,
           double         y,
           PangoAlignment align,
           const Colour  *colour)
{
  g_autoptr(PangoLayout) layout = new_layout (cr, family, weight, size, text);

  return show_layout (cr, layout, x, y, align, colour);
}

/* Text no wider than @width: shrinks the size until it fits on a line, to
 * a floor, then wraps. */
static double
show_fitted (cairo_t       *cr,
             const char    *text,
             PangoWeight    weight,
             double         size,
             double         min_size,
             double         width,
             double         x,
             double         y,
             const Colour  *colour)
{
  g_autoptr(PangoLayout) layout = NULL;
  int text_width;

  for (;;)
    {
      g_clear_object (&layout);
      layout = new_layout (cr, SERIF, weight, size, text);
      pango_layout_get_size (layout, &text_width, NULL);
      if ((double) text_width / PANGO_SCALE <= width || size <= min_size)
        break;
      size = MAX (min_size, size - 0.5);
    }

  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD);
  pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
  cairo_save (cr);
  set_colour (cr, colour, 1.0);
  cairo_move_to (cr, x - width / 2, y);
  pango_cairo_show_layout (cr, layout);
  cairo_new_path (cr);
  cairo_restore (cr);

  pango_layout_get_size (layout, NULL, &text_width);
  return (double) text_width / PANGO_SCALE;
}

/* The border */

/* A chain of small diamonds between two rules, like the guilloche bands
 * of printed diplomas, with a square rosette in each corner. */
static void
draw_band (cairo_t *cr,
           double   x0,
           double   y0,
           double   x1,
           double   y1,
           double   step)
{
  double length = hypot (x1 - x0, y1 - y0);
  int count = (int) floor (length / step);
  double ux = (x1 - x0) / length, uy = (y1 - y0) / length;
  double gap = (length - count * step) / 2;
  double half = step * 0.42;

  for (int i = 0; i < count; i++)
    {
      double cx = x0 + ux * (gap + (i + 0.5) * step);
      double cy = y0 + uy * (gap + (i + 0.5) * step);

      cairo_move_to (cr, cx - half, cy);
      cairo_line_to (cr, cx, cy - half);
      cairo_line_to (cr, cx + half, cy);
      cairo_line_to (cr, cx, cy + half);
      cairo_close_path (cr);
      cairo_new_sub_path (cr);
      cairo_arc (cr, cx, cy, half * 0.28, 0, 2 * G_PI);
    }
}

static void
draw_rosette (cairo_t *cr,
              double   cx,
              double   cy,
              double   size)
{
  double h = size / 2;

  cairo_save (cr);
  set_colour (cr, &paper, 1.0);
  cairo_rectangle (cr, cx - h, cy - h, size, size);
  cairo_fill_preserve (cr);
  set_colour (cr, &crimson, 1.0);
  cairo_set_line_width (cr, 1.2);
  cairo_stroke (cr);

  cairo_rectangle (cr, cx - h * 0.7, cy - h * 0.7, size * 0.7, size * 0.7);
  set_colour (cr, &gold, 1.0);
  cairo_set_line_width (cr, 0.8);
  cairo_stroke (cr);

  /* An eight-petalled flower */
  for (int i = 0; i < 8; i++)
    {
      cairo_save (cr);
      cairo_translate (cr, cx, cy);
      cairo_rotate (cr, i * G_PI / 4);
      cairo_move_to (cr, 0, 0);
      cairo_curve_to (cr, h * 0.2, -h * 0.2, h * 0.55, -h * 0.1, h * 0.6, 0);
      cairo_curve_to (cr, h * 0.55, h * 0.1, h * 0.2, h * 0.2, 0, 0);
      cairo_restore (cr);
    }
  set_colour (cr, &crimson, 1.0);
  cairo_fill (cr);
  cairo_restore (cr);
}

static void
draw_border (cairo_t *cr,
             double   width,
             double   height)
{
  const double outer = 18, band_out = 27, band_in = 43, inner = 49;
  double band_mid = (band_out + band_in) / 2;

  set_colour (cr, &paper, 1.0);
  cairo_paint (cr);

  cairo_save (cr);
  set_colour (cr, &crimson, 1.0);
  cairo_set_line_width (cr, 3.2);
  cairo_rectangle (cr, outer, outer, width - 2 * outer, height - 2 * outer);
  cairo_stroke (cr);

  set_colour (cr, &gold, 1.0);
  cairo_set_line_width (cr, 0.9);
  cairo_rectangle (cr, band_out - 4, band_out - 4, width - 2 * (band_out - 4), height - 2 * (band_out - 4));
  cairo_stroke (cr);
  cairo_rectangle (cr, band_in + 1, band_in + 1, width - 2 * (band_in + 1), height - 2 * (band_in + 1));
  cairo_stroke (cr);

  /* The band */
  cairo_set_line_width (cr, 0.7);
  draw_band (cr, band_out + 12, band_mid, width - band_out - 12, band_mid, 11);
  draw_band (cr, band_out + 12, height - band_mid, width - band_out - 12, height - band_mid, 11);
  draw_band (cr, band_mid, band_out + 12, band_mid, height - band_out - 12, 11);
  draw_band (cr, width - band_mid, band_out + 12, width - band_mid, height - band_out - 12, 11);
  set_colour (cr, &gold, 1.0);
  cairo_stroke (cr);

  set_colour (cr, &crimson, 1.0);
  cairo_set_line_width (cr, 1.4);
  cairo_rectangle (cr, inner, inner, width - 2 * inner, height - 2 * inner);
  cairo_stroke (cr);
  set_colour (cr, &gold, 1.0);
  cairo_set_line_width (cr, 0.5);
  cairo_rectangle (cr, inner + 4, inner + 4, width - 2 * (inner + 4), height - 2 * (inner + 4));
  cairo_stroke (cr);
  cairo_restore (cr);

  draw_rosette (cr, band_mid, band_mid, 24);
  draw_rosette (cr, width - band_mid, band_mid, 24);
  draw_rosette (cr, band_mid, height - band_mid, 24);
  draw_rosette (cr, width - band_mid, height - band_mid, 24);
}

/* The seal */

static void
star_path (cairo_t *cr,
           double   cx,
           double   cy,
           double   outer)
{
  double inner = outer * 0.382;

  for (int i = 0; i < 10; i++)
    {
      double r = i % 2 == 0 ? outer : inner;
      double angle = -G_PI / 2 + i * G_PI / 5;

      if (i == 0)
        cairo_move_to (cr, cx + r * cos (angle), cy + r * sin (angle));
      else
        cairo_line_to (cr, cx + r * cos (angle), cy + r * sin (angle));
    }
  cairo_close_path (cr);
}

/* A round official seal: a double ring, a five-pointed star, the
 * authority's name set clockwise along the upper arc, each character
 * upright towards the rim, as seals of Chinese administrations are cut. */
static void
draw_seal (cairo_t    *cr,
           double      cx,
           double      cy,
           double      radius,
           const char *authority)
{
  glong n_chars = g_utf8_strlen (authority, -1);
  double char_size = radius * 0.27;
  double text_radius = radius * 0.70;
  double span = MIN (G_PI * 1.30, n_chars * char_size * 1.12 / text_radius);
  const char *p = authority;

  cairo_save (cr);
  cairo_new_path (cr);
  /* Stamped ink: multiplied over whatever it falls on, which shows through. */
  cairo_push_group (cr);
  set_colour (cr, &seal_red, 1.0);

  cairo_set_line_width (cr, radius * 0.065);
  cairo_arc (cr, cx, cy, radius - radius * 0.035, 0, 2 * G_PI);
  cairo_stroke (cr);
  cairo_set_line_width (cr, radius * 0.012);
  cairo_arc (cr, cx, cy, radius * 0.9, 0, 2 * G_PI);
  cairo_stroke (cr);

  star_path (cr, cx, cy, radius * 0.30);
  cairo_fill (cr);

  for (glong i = 0; i < n_chars; i++, p = g_utf8_next_char (p))
    {
      char character[8] = { 0 };
      double angle = -G_PI / 2 - span / 2 + (n_chars > 1 ? span * i / (n_chars - 1) : span / 2);
      g_autoptr(PangoLayout) layout = NULL;
      PangoRectangle logical;

      g_unichar_to_utf8 (g_utf8_get_char (p), character);
      layout = new_layout (cr, SERIF, PANGO_WEIGHT_BOLD, char_size, character);
      pango_layout_get_extents (layout, NULL, &logical);

      cairo_save (cr);
      cairo_translate (cr, cx + text_radius * cos (angle), cy + text_radius * sin (angle));
      cairo_rotate (cr, angle + G_PI / 2);
      /* Text, not outlines: the face is embedded anyway, and outlines of
       * CJK glyphs cost more to write than the rest of the page. */
      cairo_move_to (cr, -(double) logical.width / PANGO_SCALE / 2,
                     -(double) logical.height / PANGO_SCALE / 2);
      pango_cairo_show_layout (cr, layout);
      cairo_new_path (cr);
      cairo_restore (cr);
    }

  cairo_pop_group_to_source (cr);
  cairo_set_operator (cr, CAIRO_OPERATOR_MULTIPLY);
  cairo_paint_with_alpha (cr, 0.92);
  cairo_restore (cr);
}

/* The QR code */

static void
draw_qr (cairo_t    *cr,
         const char *text,
         double      x,
         double      y,
         double      size)
{
  QRcode *qr = QRcode_encodeString (text, 0, QR_ECLEVEL_M, QR_MODE_8, 1);
  double module;

  if (qr == NULL)
    {
      g_warning ("Could not encode the QR code: %s", g_strerror (errno));
      return;
    }

  /* Four modules of quiet zone, on white so any reader finds it. */
  module = size / (qr->width + 8);
  cairo_save (cr);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_rectangle (cr, x, y, size, size);
  cairo_fill (cr);

  set_colour (cr, &ink, 1.0);
  for (int row = 0; row < qr->width; row++)
    {
      for (int column = 0; column < qr->width; column++)
        {
          int run = 0;

          /* One rectangle per run of dark modules: no hairlines between them. */
          while (column + run < qr->width && (qr->data[row * qr->width + column + run] & 1))
            run++;
          if (run > 0)
            {
              cairo_rectangle (cr, x + (column + 4) * module, y + (row + 4) * module,
                               run * module, module);
              column += run - 1;
            }
        }
    }
  cairo_fill (cr);
  cairo_restore (cr);

  QRcode_free (qr);
}

/* The certificate */

static void
draw_field (cairo_t    *cr,
            double      label_right,
            double      value_left,
            double      value_width,
            double     *y,
            const char *label_zh,
            const char *label_en,
            const char *value_zh,
            const char *value_en)
{
  g_autoptr(PangoLayout) value = NULL;
  double height, label_height;

  label_height = show_text (cr, label_zh, SERIF, PANGO_WEIGHT_BOLD, 12.5, label_right, *y,
                            PANGO_ALIGN_RIGHT, &crimson);
  show_text (cr, label_en, SERIF, PANGO_WEIGHT_NORMAL, 8, label_right, *y + label_height - 1,
             PANGO_ALIGN_RIGHT, &muted);

  value = new_layout (cr, SERIF, PANGO_WEIGHT_SEMIBOLD, 12.5, value_zh);
  pango_layout_set_width (value, (int) (value_width * PANGO_SCALE));
  pango_layout_set_wrap (value, PANGO_WRAP_WORD_CHAR);
  height = show_layout (cr, value, value_left, *y, PANGO_ALIGN_LEFT, &ink);
  if (value_en != NULL && *value_en != '\0')
    height += show_text (cr, value_en, SERIF, PANGO_WEIGHT_NORMAL, 8, value_left, *y + height - 1,
                         PANGO_ALIGN_LEFT, &muted);

  *y += MAX (height, label_height + 10) + 7;
}

static void
draw_watermark (cairo_t             *cr,
                const SbCertificate *certificate,
                double               width,
                double               height)
{
  const char *text;
  g_autoptr(PangoLayout) layout = NULL;

  if (certificate->state == SB_CERTIFICATE_STATE_VOID)
    text = "作废  VOID";
  else if (certificate->state == SB_CERTIFICATE_STATE_REVOKED)
    text = "已撤销  REVOKED";
  else
    return;

  cairo_save (cr);
  cairo_translate (cr, width / 2, height / 2);
  cairo_rotate (cr, -G_PI / 9);
  layout = new_layout (cr, SERIF, PANGO_WEIGHT_BOLD, 72, text);
  set_colour (cr, &seal_red, 0.22);
  {
    PangoRectangle logical;

    pango_layout_get_extents (layout, NULL, &logical);
    cairo_move_to (cr, -(double) logical.width / PANGO_SCALE / 2,
                   -(double) logical.height / PANGO_SCALE / 2);
  }
  /* Outlines, not text: the page's text stays what was issued. */
  pango_cairo_layout_path (cr, layout);
  cairo_fill (cr);
  cairo_restore (cr);
}

/**
 * sb_certificate_draw:
 * @cr: a context whose user space is the page in points
 *
 * Draws the certificate on an A4 landscape page.
 */
void
sb_certificate_draw (cairo_t             *cr,
                     const SbCertificate *certificate)
{
  const double width = SB_CERTIFICATE_PAGE_WIDTH, height = SB_CERTIFICATE_PAGE_HEIGHT;
  const double centre = width / 2;
  g_autofree char *established_zh = NULL;
  g_autofree char *established_en = NULL;
  g_autofree char *issued_zh = NULL;
  g_autofree char *issued_en = NULL;
  g_autofree char *qr_text = NULL;
  g_autofree char *domain_en = NULL;
  g_autofree char *number_en = NULL;
  double y;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (certificate != NULL);

  established_zh = sb_certificate_dup_text_date_zh (&certificate->established);
  established_en = sb_certificate_dup_text_date_en (&certificate->established);
  issued_zh = sb_certificate_dup_text_date_zh (&certificate->issued);
  issued_en = sb_certificate_dup_text_date_en (&certificate->issued);
  qr_text = sb_certificate_dup_qr_text (certificate);

  cairo_save (cr);
  draw_border (cr, width, height);

  /* Title */
  {
    g_autoptr(PangoLayout) title = new_layout (cr, SERIF, PANGO_WEIGHT_BOLD, 40, "证书");
    g_autoptr(PangoLayout) subtitle = new_layout (cr, SERIF, PANGO_WEIGHT_NORMAL, 11, "CERTIFICATE");

    set_letter_spacing (title, 40);
    set_letter_spacing (subtitle, 7);
    y = 66;
    y += show_layout (cr, title, centre + 20, y, PANGO_ALIGN_CENTER, &crimson) - 4;
    y += show_layout (cr, subtitle, centre + 3.5, y, PANGO_ALIGN_CENTER, &gold);
  }

  /* A thin ornamental rule */
  cairo_save (cr);
  set_colour (cr, &gold, 1.0);
  cairo_set_line_width (cr, 0.8);
  cairo_move_to (cr, centre - 120, y + 9);
  cairo_line_to (cr, centre - 8, y + 9);
  cairo_move_to (cr, centre + 8, y + 9);
  cairo_line_to (cr, centre + 120, y + 9);
  cairo_stroke (cr);
  cairo_move_to (cr, centre, y + 5);
  cairo_line_to (cr, centre + 4, y + 9);
  cairo_line_to (cr, centre, y + 13);
  cairo_line_to (cr, centre - 4, y + 9);
  cairo_close_path (cr);
  cairo_fill (cr);
  cairo_restore (cr);
  y += 24;

  /* The naming */
  y += show_text (cr, "经评估验收合格，依据《山西省技术标准创新基地管理办法》第二十二条，命名为",
                  SERIF, PANGO_WEIGHT_NORMAL, 13, centre, y, PANGO_ALIGN_CENTER, &ink) + 8;
  y += show_fitted (cr, certificate->name_zh, PANGO_WEIGHT_BOLD, 27, 18, width - 170,
                    centre, y, &crimson) + 2;
  y += show_fitted (cr, certificate->name_en, PANGO_WEIGHT_SEMIBOLD, 15, 10, width - 170,
                    centre, y, &ink) + 4;
  y += show_fitted (cr, "Having passed its acceptance evaluation, it is so named under Article 22 of the "
                       "Measures for the Administration of Shanxi Technical Standard Innovation Bases.",
                    PANGO_WEIGHT_NORMAL, 8.5, 8.5, 470, centre, y, &muted) + 18;

  /* The particulars */
  {
    const double label_right = centre - 110, value_left = centre - 96, value_width = 330;

    domain_en = g_strdup (certificate->domain_en ? certificate->domain_en : "");
    number_en = certificate->replaces_id > 0
                ? g_strdup ("Certificate No. (reissued: the earlier certificate is void)")
                : g_strdup ("Certificate No.");

    draw_field (cr, label_right, value_left, value_width, &y, "牵头单位", "Lead unit",
                certificate->lead_unit, NULL);
    draw_field (cr, label_right, value_left, value_width, &y, "所属领域", "Domain",
                certificate->domain_zh, domain_en);
    draw_field (cr, label_right, value_left, value_width, &y, "命名日期", "Date of establishment",
                established_zh, established_en);
    draw_field (cr, label_right, value_left, value_width, &y,
                certificate->replaces_id > 0 ? "证书编号（补发）" : "证书编号",
                certificate->replaces_id > 0 ? "Certificate No. (reissued)" : "Certificate No.",
                certificate->number, NULL);
  }

  /* Verification, bottom left */
  {
    const double qr_size = 84, qr_x = 74, qr_y = height - 74 - qr_size;
    double text_y = qr_y + 8;

    draw_qr (cr, qr_text, qr_x, qr_y, qr_size);
    text_y += show_text (cr, "验证码", SERIF, PANGO_WEIGHT_BOLD, 10, qr_x + qr_size + 10, text_y,
                         PANGO_ALIGN_LEFT, &crimson);
    text_y += show_text (cr, "Verification code", SERIF, PANGO_WEIGHT_NORMAL, 7.5,
                         qr_x + qr_size + 10, text_y - 1, PANGO_ALIGN_LEFT, &muted) + 2;
    text_y += show_text (cr, certificate->code, MONO, PANGO_WEIGHT_NORMAL, 10,
                         qr_x + qr_size + 10, text_y, PANGO_ALIGN_LEFT, &ink) + 4;
    show_text (cr, "可向发证机关核验本证书真伪", SERIF, PANGO_WEIGHT_NORMAL, 7.5,
               qr_x + qr_size + 10, text_y, PANGO_ALIGN_LEFT, &muted);
    show_text (cr, "The issuing authority can verify this certificate", SERIF, PANGO_WEIGHT_NORMAL, 6.5,
               qr_x + qr_size + 10, text_y + 11, PANGO_ALIGN_LEFT, &muted);
  }

  /* Authority, date and seal, bottom right */
  {
    const double block_centre = width - 205;
    double block_y = height - 150;

    block_y += show_text (cr, certificate->authority_zh, SERIF, PANGO_WEIGHT_BOLD, 15,
                          block_centre, block_y, PANGO_ALIGN_CENTER, &ink);
    block_y += show_text (cr, certificate->authority_en, SERIF, PANGO_WEIGHT_NORMAL, 8,
                          block_centre, block_y, PANGO_ALIGN_CENTER, &muted) + 6;
    block_y += show_text (cr, issued_zh, SERIF, PANGO_WEIGHT_NORMAL, 12.5,
                          block_centre, block_y, PANGO_ALIGN_CENTER, &ink);
    show_text (cr, issued_en, SERIF, PANGO_WEIGHT_NORMAL, 8,
               block_centre, block_y, PANGO_ALIGN_CENTER, &muted);

    /* Stamped across the right of the name and the date, as seals are. */
    draw_seal (cr, block_centre + 30, height - 116, 58, certificate->authority_zh);
  }

  draw_watermark (cr, certificate, width, height);
  cairo_restore (cr);
}

static cairo_status_t
write_to_string (void                *closure,
                 const unsigned char *data,
                 unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

static void
set_metadata (cairo_surface_t     *surface,
              const SbCertificate *certificate)
{
  g_autofree char *keywords = g_strdup_printf ("%s %s", certificate->number, certificate->code);
  g_autofree char *date = g_strdup_printf ("%04d-%02d-%02dT00:00:00+08:00",
                                           g_date_get_year (&certificate->issued),
                                           g_date_get_month (&certificate->issued),
                                           g_date_get_day (&certificate->issued));

  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, certificate->name_zh);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_SUBJECT, certificate->name_en);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_AUTHOR, certificate->authority_zh);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_KEYWORDS, keywords);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "StdBase " PACKAGE_VERSION);
  /* The date of issue, not of the file: the same certificate gives the same PDF. */
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATE_DATE, date);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_MOD_DATE, date);
}

/**
 * sb_certificate_render_pdf:
 *
 * Returns: (transfer full): the certificate as a one-page PDF
 */
GBytes *
sb_certificate_render_pdf (const SbCertificate  *certificate,
                           GError              **error)
{
  GByteArray *data = g_byte_array_new ();
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;

  g_return_val_if_fail (certificate != NULL, NULL);

  surface = cairo_pdf_surface_create_for_stream (write_to_string, data,
                                                 SB_CERTIFICATE_PAGE_WIDTH,
                                                 SB_CERTIFICATE_PAGE_HEIGHT);
  set_metadata (surface, certificate);
  cr = cairo_create (surface);
  sb_certificate_draw (cr, certificate);
  cairo_show_page (cr);
  status = cairo_status (cr);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_byte_array_unref (data);
      g_set_error (error, SB_CERTIFICATE_ERROR, SB_CERTIFICATE_ERROR_INVALID,
                   _("The certificate could not be drawn: %s"), cairo_status_to_string (status));
      return NULL;
    }

  return g_byte_array_free_to_bytes (data);
}

/**
 * sb_certificate_write_pdf:
 *
 * Writes the certificate to @path through a temporary file, so a failure
 * never leaves half a certificate where a good file was.
 */
gboolean
sb_certificate_write_pdf (const SbCertificate  *certificate,
                          const char           *path,
                          GError              **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (certificate != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  bytes = sb_certificate_render_pdf (certificate, error);
  if (bytes == NULL)
    return FALSE;

  file = g_file_new_for_path (path);
  if (!g_file_replace_contents (file, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION, NULL, NULL,
                                &local_error))
    {
      g_set_error (error, SB_CERTIFICATE_ERROR, SB_CERTIFICATE_ERROR_INVALID,
                   _("Could not write the certificate to %s: %s"), path, local_error->message);
      return FALSE;
    }

  return TRUE;
}

/**
 * sb_certificate_write_pdf_batch:
 * @certificates: (element-type SbCertificate): one page each
 *
 * Writes many certificates as the pages of one PDF, for printing in one
 * job: the fonts are embedded once, which makes a batch several times
 * faster than one file each.  Verify single files, not batches: their
 * metadata names no one certificate.
 */
static cairo_status_t
write_batch (const char *path,
             gpointer    user_data)
{
  GPtrArray *certificates = user_data;
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;

  surface = cairo_pdf_surface_create (path, SB_CERTIFICATE_PAGE_WIDTH, SB_CERTIFICATE_PAGE_HEIGHT);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, "山西省技术标准创新基地证书");
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "StdBase " PACKAGE_VERSION);
  cr = cairo_create (surface);
  for (guint i = 0; i < certificates->len; i++)
    {
      sb_certificate_draw (cr, g_ptr_array_index (certificates, i));
      cairo_show_page (cr);
    }
  status = cairo_status (cr);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  return status;
}

gboolean
sb_certificate_write_pdf_batch (GPtrArray   *certificates,
                                const char  *path,
                                GError     **error)
{
  cairo_status_t status;
  int error_number;

  g_return_val_if_fail (certificates != NULL && certificates->len > 0, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (sb_file_write_atomically (path, write_batch, certificates, &error_number, &status))
    return TRUE;

  g_set_error (error, SB_CERTIFICATE_ERROR, SB_CERTIFICATE_ERROR_INVALID,
               _("Could not write the certificates to %s: %s"), path,
               error_number != 0 ? g_strerror (error_number) : cairo_status_to_string (status));
  return FALSE;
}

typedef struct
{
  GMutex  lock;
  GError *error;   /* the first failure */
} WriteBatch;

typedef struct
{
  const SbCertificate *certificate;
  char                *path;
} WriteJob;

static void
write_job_run (gpointer data,
               gpointer user_data)
{
  WriteJob *job = data;
  WriteBatch *batch = user_data;
  GError *error = NULL;

  if (!sb_certificate_write_pdf (job->certificate, job->path, &error))
    {
      g_mutex_lock (&batch->lock);
      if (batch->error == NULL)
        batch->error = error;
      else
        g_error_free (error);
      g_mutex_unlock (&batch->lock);
    }

  g_free (job->path);
  g_free (job);
}

/**
 * sb_certificate_write_pdfs:
 * @certificates: (element-type SbCertificate)
 * @paths: one file name for each certificate
 *
 * Writes each certificate to its own file, on as many threads as there
 * are processors: embedding the fonts is most of the work, and each file
 * needs its own.  Cairo and Pango keep their state per surface and per
 * thread, so the files do not share anything but the font files.
 */
gboolean
sb_certificate_write_pdfs (GPtrArray           *certificates,
                           const char * const  *paths,
                           GError             **error)
{
  WriteBatch batch = { 0 };
  GThreadPool *pool;

  g_return_val_if_fail (certificates != NULL, FALSE);
  g_return_val_if_fail (paths != NULL, FALSE);

  g_mutex_init (&batch.lock);
  pool = g_thread_pool_new (write_job_run, &batch, MAX (1, (int) g_get_num_processors ()), FALSE, NULL);
  for (guint i = 0; i < certificates->len; i++)
    {
      WriteJob *job = g_new0 (WriteJob, 1);

      g_assert (paths[i] != NULL);
      job->certificate = g_ptr_array_index (certificates, i);
      job->path = g_strdup (paths[i]);
      g_thread_pool_push (pool, job, NULL);
    }
  /* Waits for every job. */
  g_thread_pool_free (pool, FALSE, TRUE);
  g_mutex_clear (&batch.lock);

  if (batch.error != NULL)
    {
      g_propagate_error (error, batch.error);
      return FALSE;
    }

  return TRUE;
}

/* Reading back */

static char *
find_match (const char *pattern,
            const char *text)
{
  g_autoptr(GRegex) regex = g_regex_new (pattern, 0, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;

  if (text == NULL || !g_regex_match (regex, text, 0, &match))
    return NULL;

  return g_match_info_fetch (match, 0);
}

#define NUMBER_PATTERN "SXJD-[0-9]{4}-[0-9]{4,6}"
#define CODE_PATTERN   "[A-Z2-7]{5}-[A-Z2-7]{5}-[A-Z2-7]{5}-[A-Z2-7]{5}"

/**
 * sb_certificate_read_pdf:
 * @number: (out) (optional): the certificate number it prints
 * @code: (out) (optional): the verification code it prints
 * @text: (out) (optional): the text of its first page
 * @keywords: (out) (optional): its metadata's keywords, where the
 *   certificate's number and code are written too
 *
 * Reads what a certificate file prints: the number and code from its
 * text layer, or, when the text has none, from its metadata.
 */
gboolean
sb_certificate_read_pdf (const char  *path,
                         char       **number,
                         char       **code,
                         char       **text,
                         char       **keywords_out,
                         GError     **error)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GObject) document_object = NULL;
  PopplerDocument *document;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *uri = NULL;
  g_autofree char *page_text = NULL;
  g_autofree char *keywords = NULL;
  g_autofree char *found_number = NULL;
  g_autofree char *found_code = NULL;
  g_autofree char *display = g_filename_display_name (path);

  g_return_val_if_fail (path != NULL, FALSE);

  file = g_file_new_for_path (path);
  uri = g_file_get_uri (file);
  document = poppler_document_new_from_file (uri, NULL, &local_error);
  document_object = (GObject *) document;
  if (document == NULL)
    {
      if (g_error_matches (local_error, POPPLER_ERROR, POPPLER_ERROR_ENCRYPTED))
        g_set_error (error, SB_CERTIFICATE_ERROR, SB_CERTIFICATE_ERROR_UNREADABLE,
                     _("%s is protected by a password; a certificate never is"), display);
      else if (!g_file_query_exists (file, NULL))
        g_set_error (error, SB_CERTIFICATE_ERROR, SB_CERTIFICATE_ERROR_UNREADABLE,
                     _("%s does not exist"), display);
      else
        g_set_error (error, SB_CERTIFICATE_ERROR, SB_CERTIFICATE_ERROR_UNREADABLE,
                     _("%s is not a PDF that can be read: %s"), display, local_error->message);
      return FALSE;
    }

  if (poppler_document_get_n_pages (document) > 0)
    {
      g_autoptr(GObject) page = (GObject *) poppler_document_get_page (document, 0);

      page_text = poppler_page_get_text (POPPLER_PAGE (page));
    }
  keywords = poppler_document_get_keywords (document);

  found_number = find_match (NUMBER_PATTERN, page_text);
  found_code = find_match (CODE_PATTERN, page_text);
  if (found_number == NULL)
    found_number = find_match (NUMBER_PATTERN, keywords);
  if (found_code == NULL)
    found_code = find_match (CODE_PATTERN, keywords);

  if (found_number == NULL || found_code == NULL)
    {
      g_set_error (error, SB_CERTIFICATE_ERROR, SB_CERTIFICATE_ERROR_NOT_A_CERTIFICATE,
                   _("%s carries no certificate number and verification code: it is not a "
                     "certificate of this programme"), display);
      return FALSE;
    }

  if (number != NULL)
    *number = g_steal_pointer (&found_number);
  if (code != NULL)
    *code = g_steal_pointer (&found_code);
  if (text != NULL)
    *text = g_steal_pointer (&page_text);
  if (keywords_out != NULL)
    *keywords_out = g_steal_pointer (&keywords);
  return TRUE;
}

static int
compare_unichars (gconstpointer a,
                  gconstpointer b)
{
  gunichar x = *(const gunichar *) a, y = *(const gunichar *) b;

  return x < y ? -1 : x > y;
}

/* The characters of a page's text but white space, sorted: the same for
 * the same text however lines break or are ordered, which differ between
 * font versions, and however the seal's rotated characters are read.
 * (The watermark of a void or revoked export is outlines, not text.) */
static GArray *
dup_sorted_characters (const char *text)
{
  GArray *characters = g_array_new (FALSE, FALSE, sizeof (gunichar));

  for (const char *p = text ? text : ""; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!g_unichar_isspace (c))
        g_array_append_val (characters, c);
    }
  g_array_sort (characters, compare_unichars);

  return characters;
}

/* Whether @text has, character for character, what the record's
 * certificate prints as it was issued: nothing added, nothing removed.
 * (sb_certificate_verify() has already found each field in its place.) */
static gboolean
text_matches_record (const SbCertificate *record,
                     const char          *text)
{
  g_autoptr(SbCertificate) as_issued = sb_certificate_copy (record);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GObject) document = NULL;
  g_autoptr(GObject) page = NULL;
  g_autoptr(GArray) expected = NULL;
  g_autoptr(GArray) found = NULL;
  g_autofree char *expected_text = NULL;

  as_issued->state = record->replaces_id > 0 ? SB_CERTIFICATE_STATE_REISSUED
                                             : SB_CERTIFICATE_STATE_ISSUED;
  bytes = sb_certificate_render_pdf (as_issued, NULL);
  if (bytes != NULL)
    document = (GObject *) poppler_document_new_from_bytes (bytes, NULL, NULL);
  if (document == NULL)
    return FALSE;
  page = (GObject *) poppler_document_get_page (POPPLER_DOCUMENT (document), 0);
  expected_text = poppler_page_get_text (POPPLER_PAGE (page));

  expected = dup_sorted_characters (expected_text);
  found = dup_sorted_characters (text);

  return expected->len == found->len
         && memcmp (expected->data, found->data, expected->len * sizeof (gunichar)) == 0;
}

/**
 * sb_certificate_verify_file:
 *
 * Reads a certificate PDF and judges it against the database: see
 * sb_certificate_verify().  Beyond it, the metadata must agree with the
 * page, and the page must carry the same characters as the record's
 * certificate, however its lines break.
 *
 * Returns: (transfer full): the verdict, or %NULL with @error set when the
 *   file is not a readable certificate or the database cannot be read
 */
SbVerification *
sb_certificate_verify_file (SbDatabase  *database,
                            const char  *path,
                            GError     **error)
{
  g_autofree char *number = NULL;
  g_autofree char *code = NULL;
  g_autofree char *text = NULL;
  g_autofree char *keywords = NULL;
  g_autofree char *meta_number = NULL;
  g_autofree char *meta_code = NULL;
  SbVerification *verification;

  g_return_val_if_fail (SB_IS_DATABASE (database), NULL);

  if (!sb_certificate_read_pdf (path, &number, &code, &text, &keywords, error))
    return NULL;

  verification = sb_certificate_verify (database, number, code, text, error);
  if (verification == NULL)
    return NULL;

  /* A genuine file says the same in its metadata as on its page. */
  meta_number = find_match (NUMBER_PATTERN, keywords);
  meta_code = find_match (CODE_PATTERN, keywords);
  if (verification->status != SB_VERIFICATION_FORGED
      && ((meta_number != NULL && g_strcmp0 (meta_number, number) != 0)
          || (meta_code != NULL && g_strcmp0 (meta_code, code) != 0)))
    {
      verification->status = SB_VERIFICATION_FORGED;
      g_free (verification->explanation);
      verification->explanation = g_strdup_printf (_("The document’s metadata and its printed "
                                                      "text disagree on the number or code of "
                                                      "certificate %s: it was altered"), number);
    }

  /* Every field found is not enough: text added to one ("… Ltd., Branch")
   * still contains it.  The page must hold what the record's certificate
   * holds, and no more. */
  if (verification->status != SB_VERIFICATION_FORGED && verification->record != NULL
      && !text_matches_record (verification->record, text))
    {
      verification->status = SB_VERIFICATION_FORGED;
      g_free (verification->explanation);
      verification->explanation = g_strdup_printf (_("The number and code are genuine, but the "
                                                      "document’s text differs from certificate "
                                                      "%s as issued: it was altered"), number);
    }

  return verification;
}
