/* sb-pdf.c: opening, describing and rendering PDFs with Poppler
 *
 * A file is looked at before Poppler sees it, so that each kind of bad
 * input gets its own message: nothing there, not a PDF, cut off, damaged,
 * locked by a password.  Poppler reads the bytes we hold, mapped from the
 * file, so a second document for a render thread costs no second read.
 */
#define G_LOG_DOMAIN "sb-pdf"

#include "config.h"

#include <gio/gio.h>
#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "sb-pdf.h"

/* Readers look for the header within the first kilobyte and the end
 * marker within the last one (PDF 32000-1:2008, 7.5.2 and 7.5.5, and what
 * Acrobat accepts). */
#define MARKER_WINDOW 1024

G_DEFINE_QUARK (sb-pdf-error-quark, sb_pdf_error)

static gboolean
contains (const char *data,
          gsize       length,
          const char *needle)
{
  gsize needle_length = strlen (needle);

  if (length < needle_length)
    return FALSE;
  for (gsize i = 0; i + needle_length <= length; i++)
    {
      if (data[i] == needle[0] && memcmp (data + i, needle, needle_length) == 0)
        return TRUE;
    }

  return FALSE;
}

/**
 * sb_pdf_load_bytes:
 * @path: a file name
 *
 * Maps @path into memory.
 *
 * Returns: (transfer full): its bytes, or %NULL with @error set
 */
GBytes *
sb_pdf_load_bytes (const char  *path,
                   GError     **error)
{
  g_autoptr(GMappedFile) file = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (path != NULL, NULL);

  file = g_mapped_file_new (path, FALSE, &local_error);
  if (file == NULL)
    {
      g_autofree char *display = g_filename_display_basename (path);

      g_set_error (error, SB_PDF_ERROR, SB_PDF_ERROR_UNREADABLE,
                   _("“%s” cannot be read: %s"), display, local_error->message);
      return NULL;
    }

  /* An empty file maps to no memory at all. */
  if (g_mapped_file_get_length (file) == 0)
    return g_bytes_new (NULL, 0);

  return g_mapped_file_get_bytes (file);
}

/**
 * sb_pdf_open_bytes:
 * @bytes: the file's contents
 * @display_name: the name messages show
 * @password: (nullable): the password, if the document has one
 *
 * Returns: (transfer full): the document, or %NULL with @error set from
 *   #SbPdfError
 */
PopplerDocument *
sb_pdf_open_bytes (GBytes      *bytes,
                   const char  *display_name,
                   const char  *password,
                   GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  PopplerDocument *document;
  const char *data;
  gsize length;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (display_name != NULL, NULL);

  data = g_bytes_get_data (bytes, &length);
  if (length == 0)
    {
      g_set_error (error, SB_PDF_ERROR, SB_PDF_ERROR_EMPTY,
                   _("“%s” is empty: the file holds no data"), display_name);
      return NULL;
    }
  if (!contains (data, MIN (length, MARKER_WINDOW), "%PDF-"))
    {
      g_set_error (error, SB_PDF_ERROR, SB_PDF_ERROR_NOT_PDF,
                   _("“%s” is not a PDF file"), display_name);
      return NULL;
    }
  if (!contains (data + length - MIN (length, MARKER_WINDOW), MIN (length, MARKER_WINDOW), "%%EOF"))
    {
      g_set_error (error, SB_PDF_ERROR, SB_PDF_ERROR_TRUNCATED,
                   _("“%s” is incomplete: the file ends before the PDF does, "
                     "perhaps cut off while it was copied or downloaded"), display_name);
      return NULL;
    }

  /* Poppler 22.12 mishandles a password given with
   * poppler_document_new_from_bytes() (it opens with a wrong one and
   * crashes with the right one); reading the same bytes as a stream works. */
  if (password == NULL)
    {
      document = poppler_document_new_from_bytes (bytes, NULL, &local_error);
    }
  else
    {
      g_autoptr(GInputStream) stream = g_memory_input_stream_new_from_bytes (bytes);

      document = poppler_document_new_from_stream (stream, length, password, NULL, &local_error);
    }
  if (document != NULL)
    return document;

  if (g_error_matches (local_error, POPPLER_ERROR, POPPLER_ERROR_ENCRYPTED))
    {
      if (password == NULL || *password == '\0')
        g_set_error (error, SB_PDF_ERROR, SB_PDF_ERROR_NEEDS_PASSWORD,
                     _("“%s” is protected by a password"), display_name);
      else
        g_set_error (error, SB_PDF_ERROR, SB_PDF_ERROR_BAD_PASSWORD,
                     _("The password for “%s” is not correct"), display_name);
    }
  else
    {
      g_set_error (error, SB_PDF_ERROR, SB_PDF_ERROR_DAMAGED,
                   _("“%s” is damaged and cannot be read"), display_name);
    }

  return NULL;
}

/**
 * sb_pdf_open:
 * @path: a file name
 * @password: (nullable): the password, if the document has one
 *
 * Returns: (transfer full): the document, or %NULL with @error set
 */
PopplerDocument *
sb_pdf_open (const char  *path,
             const char  *password,
             GError     **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *display = NULL;

  g_return_val_if_fail (path != NULL, NULL);

  bytes = sb_pdf_load_bytes (path, error);
  if (bytes == NULL)
    return NULL;

  display = g_filename_display_basename (path);
  return sb_pdf_open_bytes (bytes, display, password, error);
}

/**
 * sb_pdf_info_new:
 * @bytes: (nullable): the bytes @document was read from
 *
 * Returns: (transfer full): what sb_pdf_info_free() frees
 */
SbPdfInfo *
sb_pdf_info_new (PopplerDocument *document,
                 GBytes          *bytes)
{
  SbPdfInfo *info;
  g_autofree char *version = NULL;

  g_return_val_if_fail (POPPLER_IS_DOCUMENT (document), NULL);

  info = g_new0 (SbPdfInfo, 1);
  info->n_pages = poppler_document_get_n_pages (document);
  g_object_get (document, "format", &version, NULL);
  info->version = g_steal_pointer (&version);
  info->title = poppler_document_get_title (document);
  /* Poppler does not say whether it decrypted a file: an encrypted one
   * names its /Encrypt dictionary in the trailer, or restricts what may be
   * done with it. */
  if (bytes != NULL)
    {
      gsize length;
      const char *data = g_bytes_get_data (bytes, &length);

      info->encrypted = contains (data, length, "/Encrypt");
    }
  info->encrypted |= poppler_document_get_permissions (document) != POPPLER_PERMISSIONS_FULL;

  for (int i = 0; i < info->n_pages; i++)
    {
      PopplerPage *page = poppler_document_get_page (document, i);
      GList *mapping;

      if (page == NULL)
        continue;
      if (i == 0)
        poppler_page_get_size (page, &info->width, &info->height);
      mapping = poppler_page_get_annot_mapping (page);
      for (GList *l = mapping; l != NULL; l = l->next)
        {
          PopplerAnnotMapping *map = l->data;

          if (poppler_annot_get_annot_type (map->annot) != POPPLER_ANNOT_LINK)
            info->n_annotations++;
        }
      poppler_page_free_annot_mapping (mapping);
      g_object_unref (page);
    }

  return info;
}

void
sb_pdf_info_free (SbPdfInfo *info)
{
  if (info == NULL)
    return;

  g_free (info->version);
  g_free (info->title);
  g_free (info);
}

/**
 * sb_pdf_render_page:
 * @scale: pixels per point
 *
 * Renders @page, with its annotations, on white.
 *
 * Returns: (transfer full): an ARGB32 image surface
 */
cairo_surface_t *
sb_pdf_render_page (PopplerPage *page,
                    double       scale)
{
  cairo_surface_t *surface;
  cairo_t *cr;
  double width, height;

  g_return_val_if_fail (POPPLER_IS_PAGE (page), NULL);
  g_return_val_if_fail (scale > 0, NULL);

  poppler_page_get_size (page, &width, &height);
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32,
                                        MAX (1, (int) ceil (width * scale)),
                                        MAX (1, (int) ceil (height * scale)));
  cr = cairo_create (surface);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_scale (cr, scale, scale);
  poppler_page_render (page, cr);
  cairo_destroy (cr);

  return surface;
}

gboolean
sb_pdf_render_to_png (PopplerDocument  *document,
                      int               page_index,
                      double            scale,
                      const char       *output,
                      GError          **error)
{
  PopplerPage *page;
  cairo_surface_t *surface;
  cairo_status_t status;

  g_return_val_if_fail (POPPLER_IS_DOCUMENT (document), FALSE);
  g_return_val_if_fail (output != NULL, FALSE);

  if (page_index < 0 || page_index >= poppler_document_get_n_pages (document))
    {
      g_set_error (error, SB_PDF_ERROR, SB_PDF_ERROR_NO_PAGE,
                   _("There is no page %d: the document has %d"),
                   page_index + 1, poppler_document_get_n_pages (document));
      return FALSE;
    }

  page = poppler_document_get_page (document, page_index);
  surface = sb_pdf_render_page (page, scale);
  g_object_unref (page);
  status = cairo_surface_write_to_png (surface, output);
  cairo_surface_destroy (surface);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_autofree char *display = g_filename_display_name (output);

      g_set_error (error, SB_PDF_ERROR, SB_PDF_ERROR_WRITE,
                   _("Could not write “%s”: %s"), display, cairo_status_to_string (status));
      return FALSE;
    }

  return TRUE;
}
