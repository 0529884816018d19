/* sb-pdf.h: opening, describing and rendering PDFs with Poppler
 */
#pragma once

#include <cairo.h>
#include <poppler.h>

G_BEGIN_DECLS

#define SB_PDF_ERROR (sb_pdf_error_quark ())

typedef enum
{
  SB_PDF_ERROR_UNREADABLE,      /* the file cannot be read at all */
  SB_PDF_ERROR_EMPTY,           /* zero bytes */
  SB_PDF_ERROR_NOT_PDF,         /* no PDF header: some other kind of file */
  SB_PDF_ERROR_TRUNCATED,       /* the file ends before the PDF does */
  SB_PDF_ERROR_DAMAGED,         /* a PDF header, but Poppler cannot read it */
  SB_PDF_ERROR_NEEDS_PASSWORD,  /* encrypted, and no password was given */
  SB_PDF_ERROR_BAD_PASSWORD,    /* encrypted, and the password is wrong */
  SB_PDF_ERROR_NO_PAGE,         /* a page number outside the document */
  SB_PDF_ERROR_WRITE,           /* an output file cannot be written */
  SB_PDF_ERROR_UNSUPPORTED,     /* something this document cannot hold */
} SbPdfError;

typedef struct
{
  int       n_pages;
  char     *version;          /* "PDF-1.5" */
  gboolean  encrypted;
  int       n_annotations;    /* every annotation on every page, links excluded */
  char     *title;            /* nullable */
  double    width;            /* of the first page, in points */
  double    height;
} SbPdfInfo;

GQuark            sb_pdf_error_quark   (void);

GBytes           *sb_pdf_load_bytes    (const char       *path,
                                        GError          **error);
PopplerDocument  *sb_pdf_open_bytes    (GBytes           *bytes,
                                        const char       *display_name,
                                        const char       *password,
                                        GError          **error);
PopplerDocument  *sb_pdf_open          (const char       *path,
                                        const char       *password,
                                        GError          **error);

SbPdfInfo        *sb_pdf_info_new      (PopplerDocument  *document,
                                        GBytes           *bytes);
void              sb_pdf_info_free     (SbPdfInfo        *info);

cairo_surface_t  *sb_pdf_render_page   (PopplerPage      *page,
                                        double            scale);
gboolean          sb_pdf_render_to_png (PopplerDocument  *document,
                                        int               page_index,
                                        double            scale,
                                        const char       *output,
                                        GError          **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SbPdfInfo, sb_pdf_info_free)

G_END_DECLS
