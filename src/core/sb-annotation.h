/* sb-annotation.h: a reviewer's mark on a page of a PDF
 *
 * Geometry is in PDF points with the origin at the top-left corner of the
 * page, as Poppler's text layout and the screen have it; writing into a
 * PDF flips it.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  SB_ANNOTATION_HIGHLIGHT,
  SB_ANNOTATION_UNDERLINE,
  SB_ANNOTATION_NOTE,        /* a sticky note: an icon with its text */
  SB_ANNOTATION_FREE_TEXT,   /* text written on the page */
  SB_ANNOTATION_INK,         /* freehand strokes */
  SB_N_ANNOTATION_KINDS
} SbAnnotationKind;

typedef struct
{
  double x1, y1, x2, y2;     /* x1 <= x2, y1 <= y2 */
} SbPdfRect;

typedef struct
{
  SbAnnotationKind  kind;
  int               page;       /* from 0 */
  SbPdfRect         area;       /* the bounding box on the page */
  GArray           *rects;      /* (element-type SbPdfRect): lines of marked text */
  GPtrArray        *strokes;    /* (element-type GArray of double x, y pairs): ink */
  double            red, green, blue;
  char             *author;
  GDateTime        *date;
  char             *contents;   /* the note's or free text's words, or a comment */
  gint64            id;         /* in the database; 0 until recorded */
} SbAnnotation;

#define SB_ANNOTATION_NOTE_SIZE 20.0   /* the note icon, in points */
#define SB_ANNOTATION_INK_WIDTH 2.0

SbAnnotation     *sb_annotation_new               (SbAnnotationKind  kind,
                                                   int               page);
SbAnnotation     *sb_annotation_copy              (const SbAnnotation *annotation);
void              sb_annotation_free              (SbAnnotation     *annotation);

void              sb_annotation_add_rect          (SbAnnotation     *annotation,
                                                   const SbPdfRect  *rect);
GArray           *sb_annotation_add_stroke        (SbAnnotation     *annotation);
void              sb_annotation_stroke_add_point  (SbAnnotation     *annotation,
                                                   GArray           *stroke,
                                                   double            x,
                                                   double            y);
void              sb_annotation_update_area       (SbAnnotation     *annotation);
gboolean          sb_annotation_contains          (const SbAnnotation *annotation,
                                                   double            x,
                                                   double            y);

void              sb_annotation_set_colour        (SbAnnotation     *annotation,
                                                   const char       *colour);
char             *sb_annotation_dup_colour        (const SbAnnotation *annotation);

char             *sb_annotation_dup_geometry      (const SbAnnotation *annotation);
gboolean          sb_annotation_set_geometry      (SbAnnotation     *annotation,
                                                   const char       *geometry);

const char       *sb_annotation_kind_to_string    (SbAnnotationKind  kind);
gboolean          sb_annotation_kind_from_string  (const char       *text,
                                                   SbAnnotationKind *kind);
const char       *sb_annotation_kind_get_label    (SbAnnotationKind  kind);
const char       *sb_annotation_kind_get_default_colour (SbAnnotationKind kind);

char             *sb_annotation_get_default_author (void);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SbAnnotation, sb_annotation_free)

G_END_DECLS
