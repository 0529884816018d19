/* test-pdf-fixtures.c: PDFs the tests and benchmarks make for themselves
 *
 * Pages drawn with Cairo, each with a heading that names its page, a few
 * lines of text to search and select, and a frame; and a small encrypted
 * PDF written by hand with the standard security handler, revision 2
 * (PDF 32000-1:2008, 7.6.3: RC4 with a 40-bit key), since nothing else on
 * the machine can encrypt one.
 */
#include "config.h"

#include <cairo-pdf.h>
#include <glib/gstdio.h>
#include <string.h>

#include "test-pdf-fixtures.h"

void
sb_test_pdf_write_pages (const char *path,
                         int         n_pages)
{
  cairo_surface_t *surface = cairo_pdf_surface_create (path, 595, 842);
  cairo_t *cr = cairo_create (surface);

  cairo_select_font_face (cr, "sans-serif", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL);
  for (int i = 0; i < n_pages; i++)
    {
      g_autofree char *heading = g_strdup_printf ("Page %d of the application", i + 1);

      cairo_set_source_rgb (cr, 0.2, 0.3, 0.6);
      cairo_rectangle (cr, 36, 36, 523, 770);
      cairo_set_line_width (cr, 1);
      cairo_stroke (cr);
      cairo_set_source_rgb (cr, 0, 0, 0);
      cairo_set_font_size (cr, 20);
      cairo_move_to (cr, 72, 100);
      cairo_show_text (cr, heading);
      cairo_set_font_size (cr, 12);
      for (int line = 0; line < 30; line++)
        {
          g_autofree char *text = NULL;

          if (line == 3)
            text = g_strdup ("The lead unit has drafted standards for intelligent coal mining.");
          else
            text = g_strdup_printf ("Line %d: the base serves small enterprises with standards work.", line + 1);
          cairo_move_to (cr, 72, 140 + 20 * line);
          cairo_show_text (cr, text);
        }
      cairo_show_page (cr);
    }

  cairo_destroy (cr);
  cairo_surface_finish (surface);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);
}

void
sb_test_pdf_write_bytes (const char *path,
                         const char *data,
                         gssize      length)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, data, length, &error);
  g_assert_no_error (error);
}

static const guint8 padding[32] = {
  0x28, 0xbf, 0x4e, 0x5e, 0x4e, 0x75, 0x8a, 0x41, 0x64, 0x00, 0x4e, 0x56,
  0xff, 0xfa, 0x01, 0x08, 0x2e, 0x2e, 0x00, 0xb6, 0xd0, 0x68, 0x3e, 0x80,
  0x2f, 0x0c, 0xa9, 0xfe, 0x64, 0x53, 0x69, 0x7a,
};

static void
rc4 (const guint8 *key,
     gsize         key_length,
     guint8       *data,
     gsize         length)
{
  guint8 s[256];
  guint i, j = 0;

  for (i = 0; i < 256; i++)
    s[i] = i;
  for (i = 0; i < 256; i++)
    {
      guint8 t;

      j = (j + s[i] + key[i % key_length]) & 0xff;
      t = s[i]; s[i] = s[j]; s[j] = t;
    }
  i = j = 0;
  for (gsize n = 0; n < length; n++)
    {
      guint8 t;

      i = (i + 1) & 0xff;
      j = (j + s[i]) & 0xff;
      t = s[i]; s[i] = s[j]; s[j] = t;
      data[n] ^= s[(s[i] + s[j]) & 0xff];
    }
}

static void
pad_password (const char *password,
              guint8      out[32])
{
  gsize n = MIN (strlen (password), 32);

  memcpy (out, password, n);
  memcpy (out + n, padding, 32 - n);
}

static void
md5 (const guint8 *data,
     gsize         length,
     guint8        out[16])
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_MD5);
  gsize out_length = 16;

  g_checksum_update (checksum, data, length);
  g_checksum_get_digest (checksum, out, &out_length);
}

static char *
hex (const guint8 *data,
     gsize         length)
{
  GString *out = g_string_new (NULL);

  for (gsize i = 0; i < length; i++)
    g_string_append_printf (out, "%02x", data[i]);
  return g_string_free (out, FALSE);
}

void
sb_test_pdf_write_encrypted (const char *path,
                             const char *user_password)
{
  const guint8 id[16] = { 0x53, 0x74, 0x64, 0x42, 0x61, 0x73, 0x65, 0x20,
                          0x74, 0x65, 0x73, 0x74, 0x20, 0x50, 0x44, 0x46 };
  const guint8 permissions[4] = { 0xfc, 0xff, 0xff, 0xff };   /* P = -4 */
  guint8 owner_key[16], o[32], u[32], key_input[32 + 32 + 4 + 16], key[16];
  g_autofree char *o_hex = NULL;
  g_autofree char *u_hex = NULL;
  g_autofree char *id_hex = NULL;
  g_autoptr(GString) pdf = g_string_new ("%PDF-1.4\n");
  gsize offsets[5];

  /* Algorithm 3: the owner entry, with the user password as owner's. */
  pad_password (user_password, o);
  md5 (o, 32, owner_key);
  pad_password (user_password, o);
  rc4 (owner_key, 5, o, 32);

  /* Algorithm 2: the file key; algorithm 4: the user entry. */
  pad_password (user_password, key_input);
  memcpy (key_input + 32, o, 32);
  memcpy (key_input + 64, permissions, 4);
  memcpy (key_input + 68, id, 16);
  md5 (key_input, sizeof key_input, key);
  memcpy (u, padding, 32);
  rc4 (key, 5, u, 32);

  o_hex = hex (o, 32);
  u_hex = hex (u, 32);
  id_hex = hex (id, 16);

  offsets[1] = pdf->len;
  g_string_append (pdf, "1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n");
  offsets[2] = pdf->len;
  g_string_append (pdf, "2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj\n");
  offsets[3] = pdf->len;
  g_string_append (pdf, "3 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 300 200] >>\nendobj\n");
  offsets[4] = pdf->len;
  g_string_append_printf (pdf, "4 0 obj\n<< /Filter /Standard /V 1 /R 2 /O <%s> /U <%s> /P -4 >>\nendobj\n",
                          o_hex, u_hex);
  {
    gsize xref = pdf->len;

    g_string_append (pdf, "xref\n0 5\n0000000000 65535 f \n");
    for (int i = 1; i <= 4; i++)
      g_string_append_printf (pdf, "%010" G_GSIZE_FORMAT " 00000 n \n", offsets[i]);
    g_string_append_printf (pdf, "trailer\n<< /Size 5 /Root 1 0 R /Encrypt 4 0 R /ID [<%s><%s>] >>\n"
                            "startxref\n%" G_GSIZE_FORMAT "\n%%%%EOF\n", id_hex, id_hex, xref);
  }

  sb_test_pdf_write_bytes (path, pdf->str, pdf->len);
}

char *
sb_test_pdf_temp_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("stdbase-pdf-test-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

void
sb_test_pdf_remove_tree (const char *path)
{
  if (g_file_test (path, G_FILE_TEST_IS_DIR) && !g_file_test (path, G_FILE_TEST_IS_SYMLINK))
    {
      g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
      const char *name;

      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          sb_test_pdf_remove_tree (child);
        }
      g_rmdir (path);
    }
  else
    {
      g_remove (path);
    }
}

/* A two-page PDF 1.5 whose cross-reference table is a stream, as pdfTeX,
 * LibreOffice and most producers now write them (PDF 32000-1:2008, 7.5.8);
 * uncompressed, so that it can be written by hand. */
void
sb_test_pdf_write_xref_stream (const char *path)
{
  g_autoptr(GString) pdf = g_string_new ("%PDF-1.5\n%\xe2\xe3\xcf\xd3\n");
  const char content[] = "BT /F1 14 Tf 72 720 Td (A page whose cross-reference is a stream) Tj ET";
  gsize offsets[8] = { 0 };
  gsize xref;

  offsets[1] = pdf->len;
  g_string_append (pdf, "1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n");
  offsets[2] = pdf->len;
  g_string_append (pdf, "2 0 obj\n<< /Type /Pages /Kids [3 0 R 6 0 R] /Count 2 >>\nendobj\n");
  offsets[3] = pdf->len;
  g_string_append (pdf, "3 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792]"
                        " /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>\nendobj\n");
  offsets[4] = pdf->len;
  g_string_append_printf (pdf, "4 0 obj\n<< /Length %" G_GSIZE_FORMAT " >>\nstream\n%s\nendstream\nendobj\n",
                          strlen (content), content);
  offsets[5] = pdf->len;
  g_string_append (pdf, "5 0 obj\n<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>\nendobj\n");
  offsets[6] = pdf->len;
  g_string_append (pdf, "6 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >>\nendobj\n");

  xref = pdf->len;
  offsets[7] = xref;
  g_string_append (pdf, "7 0 obj\n<< /Type /XRef /Size 8 /W [1 4 2] /Root 1 0 R /Length 56 >>\nstream\n");
  for (int i = 0; i < 8; i++)
    {
      guint8 entry[7] = { i == 0 ? 0 : 1,
                          (offsets[i] >> 24) & 0xff, (offsets[i] >> 16) & 0xff,
                          (offsets[i] >> 8) & 0xff, offsets[i] & 0xff,
                          i == 0 ? 0xff : 0, i == 0 ? 0xff : 0 };

      g_string_append_len (pdf, (const char *) entry, sizeof entry);
    }
  g_string_append_printf (pdf, "\nendstream\nendobj\nstartxref\n%" G_GSIZE_FORMAT "\n%%%%EOF\n", xref);

  sb_test_pdf_write_bytes (path, pdf->str, pdf->len);
}
