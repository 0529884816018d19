/* sb-annotation.c: a reviewer's mark on a page of a PDF
 *
 * Plain data, copied freely.  The database keeps the lines of marked text
 * and the ink strokes as one line of text, "x1 y1 x2 y2;…" or "x y x y…;…",
 * written in the C locale with two decimals (a hundredth of a point).
 */
#define G_LOG_DOMAIN "sb-annotation"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "sb-annotation.h"

static const struct
{
  const char *name;
  const char *label;
  const char *colour;
} kinds[SB_N_ANNOTATION_KINDS] = {
  [SB_ANNOTATION_HIGHLIGHT] = { "highlight", N_("Highlight"), "#f8e45c" },
  [SB_ANNOTATION_UNDERLINE] = { "underline", N_("Underline"), "#1c71d8" },
  [SB_ANNOTATION_NOTE]      = { "note", N_("Note"), "#f6d32d" },
  [SB_ANNOTATION_FREE_TEXT] = { "free_text", N_("Free text"), "#c01c28" },
  [SB_ANNOTATION_INK]       = { "ink", N_("Ink"), "#c01c28" },
};

static void
free_stroke (gpointer data)
{
  g_array_unref (data);
}

SbAnnotation *
sb_annotation_new (SbAnnotationKind kind,
                   int              page)
{
  SbAnnotation *self;

  g_return_val_if_fail (kind < SB_N_ANNOTATION_KINDS, NULL);
  g_return_val_if_fail (page >= 0, NULL);

  self = g_new0 (SbAnnotation, 1);
  self->kind = kind;
  self->page = page;
  self->rects = g_array_new (FALSE, FALSE, sizeof (SbPdfRect));
  self->strokes = g_ptr_array_new_with_free_func (free_stroke);
  sb_annotation_set_colour (self, kinds[kind].colour);
  self->author = g_strdup ("");
  self->contents = g_strdup ("");
  self->date = g_date_time_new_now_utc ();

  return self;
}

SbAnnotation *
sb_annotation_copy (const SbAnnotation *annotation)
{
  SbAnnotation *self;

  g_return_val_if_fail (annotation != NULL, NULL);

  self = sb_annotation_new (annotation->kind, annotation->page);
  self->area = annotation->area;
  g_array_append_vals (self->rects, annotation->rects->data, annotation->rects->len);
  for (guint i = 0; i < annotation->strokes->len; i++)
    {
      GArray *stroke = g_ptr_array_index (annotation->strokes, i);
      GArray *copy = sb_annotation_add_stroke (self);

      g_array_append_vals (copy, stroke->data, stroke->len);
    }
  self->red = annotation->red;
  self->green = annotation->green;
  self->blue = annotation->blue;
  g_free (self->author);
  self->author = g_strdup (annotation->author);
  g_free (self->contents);
  self->contents = g_strdup (annotation->contents);
  g_date_time_unref (self->date);
  self->date = g_date_time_ref (annotation->date);
  self->id = annotation->id;

  return self;
}

void
sb_annotation_free (SbAnnotation *annotation)
{
  if (annotation == NULL)
    return;

  g_array_unref (annotation->rects);
  g_ptr_array_unref (annotation->strokes);
  g_free (annotation->author);
  g_free (annotation->contents);
  g_date_time_unref (annotation->date);
  g_free (annotation);
}

void
sb_annotation_add_rect (SbAnnotation    *annotation,
                        const SbPdfRect *rect)
{
  SbPdfRect normal;

  g_return_if_fail (annotation != NULL);
  g_return_if_fail (rect != NULL);

  normal.x1 = MIN (rect->x1, rect->x2);
  normal.x2 = MAX (rect->x1, rect->x2);
  normal.y1 = MIN (rect->y1, rect->y2);
  normal.y2 = MAX (rect->y1, rect->y2);
  g_array_append_val (annotation->rects, normal);
}

/**
 * sb_annotation_add_stroke:
 *
 * Returns: (transfer none): a new, empty stroke of @annotation
 */
GArray *
sb_annotation_add_stroke (SbAnnotation *annotation)
{
  GArray *stroke;

  g_return_val_if_fail (annotation != NULL, NULL);

  stroke = g_array_new (FALSE, FALSE, sizeof (double));
  g_ptr_array_add (annotation->strokes, stroke);

  return stroke;
}

void
sb_annotation_stroke_add_point (SbAnnotation *annotation,
                                GArray       *stroke,
                                double        x,
                                double        y)
{
  g_return_if_fail (annotation != NULL);
  g_return_if_fail (stroke != NULL);

  g_array_append_val (stroke, x);
  g_array_append_val (stroke, y);
}

/**
 * sb_annotation_update_area:
 *
 * Sets the area of a highlight, an underline or ink to the box around its
 * lines or strokes.  Notes and free text keep the area they were given.
 */
void
sb_annotation_update_area (SbAnnotation *annotation)
{
  gboolean first = TRUE;
  SbPdfRect box = { 0, 0, 0, 0 };

  g_return_if_fail (annotation != NULL);

  for (guint i = 0; i < annotation->rects->len; i++)
    {
      SbPdfRect *r = &g_array_index (annotation->rects, SbPdfRect, i);

      if (first)
        box = *r;
      box.x1 = MIN (box.x1, r->x1);
      box.y1 = MIN (box.y1, r->y1);
      box.x2 = MAX (box.x2, r->x2);
      box.y2 = MAX (box.y2, r->y2);
      first = FALSE;
    }

  for (guint i = 0; i < annotation->strokes->len; i++)
    {
      GArray *stroke = g_ptr_array_index (annotation->strokes, i);

      for (guint j = 0; j + 1 < stroke->len; j += 2)
        {
          double x = g_array_index (stroke, double, j);
          double y = g_array_index (stroke, double, j + 1);
          double half = SB_ANNOTATION_INK_WIDTH;

          if (first)
            box = (SbPdfRect) { x - half, y - half, x + half, y + half };
          box.x1 = MIN (box.x1, x - half);
          box.y1 = MIN (box.y1, y - half);
          box.x2 = MAX (box.x2, x + half);
          box.y2 = MAX (box.y2, y + half);
          first = FALSE;
        }
    }

  if (!first)
    annotation->area = box;
}

gboolean
sb_annotation_contains (const SbAnnotation *annotation,
                        double              x,
                        double              y)
{
  g_return_val_if_fail (annotation != NULL, FALSE);

  return x >= annotation->area.x1 && x <= annotation->area.x2
         && y >= annotation->area.y1 && y <= annotation->area.y2;
}

/**
 * sb_annotation_set_colour:
 * @colour: "#rrggbb"; anything else leaves the colour as it was
 */
void
sb_annotation_set_colour (SbAnnotation *annotation,
                          const char   *colour)
{
  guint64 value;
  char *end = NULL;

  g_return_if_fail (annotation != NULL);

  if (colour == NULL || colour[0] != '#' || strlen (colour) != 7)
    return;
  value = g_ascii_strtoull (colour + 1, &end, 16);
  if (end == NULL || *end != '\0')
    return;

  annotation->red = ((value >> 16) & 0xff) / 255.0;
  annotation->green = ((value >> 8) & 0xff) / 255.0;
  annotation->blue = (value & 0xff) / 255.0;
}

char *
sb_annotation_dup_colour (const SbAnnotation *annotation)
{
  g_return_val_if_fail (annotation != NULL, NULL);

  return g_strdup_printf ("#%02x%02x%02x",
                          (int) (CLAMP (annotation->red, 0, 1) * 255 + 0.5),
                          (int) (CLAMP (annotation->green, 0, 1) * 255 + 0.5),
                          (int) (CLAMP (annotation->blue, 0, 1) * 255 + 0.5));
}

static void
append_number (GString *text,
               double   value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  if (text->len > 0 && text->str[text->len - 1] != ';')
    g_string_append_c (text, ' ');
  g_string_append (text, g_ascii_formatd (buffer, sizeof buffer, "%.2f", value));
}

/**
 * sb_annotation_dup_geometry:
 *
 * Returns: (transfer full): the lines or strokes as one line of text
 */
char *
sb_annotation_dup_geometry (const SbAnnotation *annotation)
{
  GString *text = g_string_new (NULL);

  g_return_val_if_fail (annotation != NULL, NULL);

  for (guint i = 0; i < annotation->rects->len; i++)
    {
      SbPdfRect *r = &g_array_index (annotation->rects, SbPdfRect, i);

      if (i > 0)
        g_string_append_c (text, ';');
      append_number (text, r->x1);
      append_number (text, r->y1);
      append_number (text, r->x2);
      append_number (text, r->y2);
    }
  for (guint i = 0; i < annotation->strokes->len; i++)
    {
      GArray *stroke = g_ptr_array_index (annotation->strokes, i);

      if (i > 0)
        g_string_append_c (text, ';');
      for (guint j = 0; j < stroke->len; j++)
        append_number (text, g_array_index (stroke, double, j));
    }

  return g_string_free (text, FALSE);
}

static gboolean
parse_numbers (const char *part,
               GArray     *numbers)
{
  g_auto(GStrv) fields = g_strsplit (part, " ", -1);

  for (guint i = 0; fields[i] != NULL; i++)
    {
      char *end = NULL;
      double value;

      if (fields[i][0] == '\0')
        continue;
      value = g_ascii_strtod (fields[i], &end);
      if (end == NULL || *end != '\0' || !isfinite (value))
        return FALSE;
      g_array_append_val (numbers, value);
    }

  return numbers->len % 2 == 0;
}

/**
 * sb_annotation_set_geometry:
 *
 * Reads back what sb_annotation_dup_geometry() wrote: rectangles for a
 * highlight or an underline, strokes for ink.
 *
 * Returns: %FALSE if @geometry is not well formed
 */
gboolean
sb_annotation_set_geometry (SbAnnotation *annotation,
                            const char   *geometry)
{
  g_auto(GStrv) parts = NULL;

  g_return_val_if_fail (annotation != NULL, FALSE);

  g_array_set_size (annotation->rects, 0);
  g_ptr_array_set_size (annotation->strokes, 0);
  if (geometry == NULL || *geometry == '\0')
    return TRUE;

  parts = g_strsplit (geometry, ";", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      g_autoptr(GArray) numbers = g_array_new (FALSE, FALSE, sizeof (double));

      if (!parse_numbers (parts[i], numbers))
        return FALSE;

      if (annotation->kind == SB_ANNOTATION_INK)
        {
          GArray *stroke = sb_annotation_add_stroke (annotation);

          g_array_append_vals (stroke, numbers->data, numbers->len);
        }
      else
        {
          SbPdfRect rect;

          if (numbers->len != 4)
            return FALSE;
          rect.x1 = g_array_index (numbers, double, 0);
          rect.y1 = g_array_index (numbers, double, 1);
          rect.x2 = g_array_index (numbers, double, 2);
          rect.y2 = g_array_index (numbers, double, 3);
          sb_annotation_add_rect (annotation, &rect);
        }
    }

  return TRUE;
}

const char *
sb_annotation_kind_to_string (SbAnnotationKind kind)
{
  g_return_val_if_fail (kind < SB_N_ANNOTATION_KINDS, NULL);

  return kinds[kind].name;
}

gboolean
sb_annotation_kind_from_string (const char       *text,
                                SbAnnotationKind *kind)
{
  for (guint i = 0; i < SB_N_ANNOTATION_KINDS; i++)
    {
      if (g_strcmp0 (text, kinds[i].name) == 0)
        {
          *kind = i;
          return TRUE;
        }
    }

  return FALSE;
}

const char *
sb_annotation_kind_get_label (SbAnnotationKind kind)
{
  g_return_val_if_fail (kind < SB_N_ANNOTATION_KINDS, NULL);

  return _(kinds[kind].label);
}

const char *
sb_annotation_kind_get_default_colour (SbAnnotationKind kind)
{
  g_return_val_if_fail (kind < SB_N_ANNOTATION_KINDS, NULL);

  return kinds[kind].colour;
}

/**
 * sb_annotation_get_default_author:
 *
 * The name annotations are signed with until users have profiles: the
 * account's real name, or its login name.
 *
 * Returns: (transfer full): a name
 */
char *
sb_annotation_get_default_author (void)
{
  const char *name = g_get_real_name ();

  if (name == NULL || *name == '\0' || g_str_equal (name, "Unknown"))
    name = g_get_user_name ();

  return g_strdup (name);
}
