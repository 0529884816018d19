/* test-document-store.c: the PDFs a programme keeps, copied in by checksum
 *
 * The PDFs are made here: a real one with Cairo, an encrypted one by hand
 * (the standard security handler, revision 2), and broken ones from those.
 */
#include "config.h"

#include <cairo.h>
#include <cairo-pdf.h>
#include <glib.h>
#include <glib/gstdio.h>
#include <poppler.h>
#include <string.h>
#include <sys/stat.h>

#include "sb-database.h"
#include "sb-document-store.h"

#define TEST_PAGES 3

/* Helpers */

static void
remove_tree (const char *path)
{
  if (g_file_test (path, G_FILE_TEST_IS_DIR)
      && !g_file_test (path, G_FILE_TEST_IS_SYMLINK))
    {
      g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
      const char *name;

      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          remove_tree (child);
        }
      g_rmdir (path);
    }
  else
    {
      g_remove (path);
    }
}

/* Regular files under @path, at any depth; 0 if it does not exist. */
static guint
count_files (const char *path)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;
  guint count = 0;

  if (!g_file_test (path, G_FILE_TEST_IS_DIR))
    return g_file_test (path, G_FILE_TEST_IS_REGULAR) ? 1 : 0;

  dir = g_dir_open (path, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      count += count_files (child);
    }

  return count;
}

static gint64
query_int (SbDatabase *database,
           const char *sql)
{
  sqlite3 *db = sb_database_get_handle (database);
  sqlite3_stmt *stmt = NULL;
  gint64 value = 0;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    g_error ("“%s” failed: %s", sql, sqlite3_errmsg (db));
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);

  return value;
}

static char *
query_text (SbDatabase *database,
            const char *sql,
            gint64      id)
{
  sqlite3 *db = sb_database_get_handle (database);
  sqlite3_stmt *stmt = NULL;
  char *value = NULL;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    g_error ("“%s” failed: %s", sql, sqlite3_errmsg (db));
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);

  return value;
}

static char *
file_checksum (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);

  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, length);
}

static void
write_file (const char *path,
            const void *data,
            gssize      length)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, data, length, &error);
  g_assert_no_error (error);
}

/* A real PDF of TEST_PAGES pages of text, as Cairo writes it. */
static void
write_pdf (const char *path)
{
  cairo_surface_t *surface = cairo_pdf_surface_create (path, 595, 842);
  cairo_t *cr = cairo_create (surface);

  cairo_select_font_face (cr, "sans-serif", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL);
  cairo_set_font_size (cr, 18);
  for (int page = 1; page <= TEST_PAGES; page++)
    {
      g_autofree char *title = g_strdup_printf ("StdBase test page %d", page);

      cairo_move_to (cr, 72, 100);
      cairo_show_text (cr, title);
      for (int line = 0; line < 30; line++)
        {
          g_autofree char *text = g_strdup_printf ("Line %d of the construction plan.", line);

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

static void
rc4 (const guint8 *key,
     gsize         key_length,
     const guint8 *in,
     guint8       *out,
     gsize         length)
{
  guint8 s[256];
  guint8 t;
  guint i, j;

  for (i = 0; i < 256; i++)
    s[i] = i;
  for (i = 0, j = 0; i < 256; i++)
    {
      j = (j + s[i] + key[i % key_length]) & 0xff;
      t = s[i];
      s[i] = s[j];
      s[j] = t;
    }
  i = j = 0;
  for (gsize n = 0; n < length; n++)
    {
      i = (i + 1) & 0xff;
      j = (j + s[i]) & 0xff;
      t = s[i];
      s[i] = s[j];
      s[j] = t;
      out[n] = in[n] ^ s[(s[i] + s[j]) & 0xff];
    }
}

static const guint8 password_padding[32] = {
  0x28, 0xbf, 0x4e, 0x5e, 0x4e, 0x75, 0x8a, 0x41, 0x64, 0x00, 0x4e, 0x56,
  0xff, 0xfa, 0x01, 0x08, 0x2e, 0x2e, 0x00, 0xb6, 0xd0, 0x68, 0x3e, 0x80,
  0x2f, 0x0c, 0xa9, 0xfe, 0x64, 0x53, 0x69, 0x7a,
};

static void
pad_password (const char *password,
              guint8      padded[32])
{
  gsize length = MIN (strlen (password), 32);

  memcpy (padded, password, length);
  memcpy (padded + length, password_padding, 32 - length);
}

static void
md5 (const guint8 *data,
     gsize         length,
     guint8        digest[16])
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_MD5);
  gsize digest_length = 16;

  g_checksum_update (checksum, data, length);
  g_checksum_get_digest (checksum, digest, &digest_length);
}

static void
append_hex (GString      *out,
            const guint8 *data,
            gsize         length)
{
  g_string_append_c (out, '<');
  for (gsize i = 0; i < length; i++)
    g_string_append_printf (out, "%02x", data[i]);
  g_string_append_c (out, '>');
}

/* A one-page PDF that needs the user password @user_password: RC4 with a
 * 40-bit key (PDF 1.4, Algorithms 3.2–3.4).  It holds no strings or
 * streams, so nothing but the dictionary needs encrypting.
 */
static GBytes *
make_encrypted_pdf (const char *user_password,
                    const char *owner_password)
{
  static const guint8 file_id[16] = {
    0x53, 0x74, 0x64, 0x42, 0x61, 0x73, 0x65, 0x2d,
    0x74, 0x65, 0x73, 0x74, 0x2d, 0x69, 0x64, 0x31,
  };
  const gint32 permissions = -44;
  guint8 user_padded[32];
  guint8 owner_padded[32];
  guint8 digest[16];
  guint8 owner_entry[32];
  guint8 user_entry[32];
  guint8 input[32 + 32 + 4 + 16];
  GString *pdf = g_string_new ("%PDF-1.4\n%\xe2\xe3\xcf\xd3\n");
  gsize offsets[5];
  gsize xref;

  pad_password (user_password, user_padded);
  pad_password (owner_password, owner_padded);

  /* O: the padded user password, under a key from the owner password. */
  md5 (owner_padded, 32, digest);
  rc4 (digest, 5, user_padded, owner_entry, 32);

  /* The file key, and U: the padding under that key. */
  memcpy (input, user_padded, 32);
  memcpy (input + 32, owner_entry, 32);
  for (int i = 0; i < 4; i++)
    input[64 + i] = ((guint32) permissions >> (8 * i)) & 0xff;
  memcpy (input + 68, file_id, 16);
  md5 (input, sizeof input, digest);
  rc4 (digest, 5, password_padding, user_entry, 32);

  offsets[1] = pdf->len;
  g_string_append (pdf, "1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n");
  offsets[2] = pdf->len;
  g_string_append (pdf, "2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj\n");
  offsets[3] = pdf->len;
  g_string_append (pdf, "3 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>\nendobj\n");
  offsets[4] = pdf->len;
  g_string_append (pdf, "4 0 obj\n<< /Filter /Standard /V 1 /R 2 /Length 40 /O ");
  append_hex (pdf, owner_entry, 32);
  g_string_append (pdf, " /U ");
  append_hex (pdf, user_entry, 32);
  g_string_append_printf (pdf, " /P %d >>\nendobj\n", permissions);

  xref = pdf->len;
  g_string_append (pdf, "xref\n0 5\n0000000000 65535 f \n");
  for (int i = 1; i <= 4; i++)
    g_string_append_printf (pdf, "%010" G_GSIZE_FORMAT " 00000 n \n", offsets[i]);
  g_string_append (pdf, "trailer\n<< /Size 5 /Root 1 0 R /Encrypt 4 0 R /ID [");
  append_hex (pdf, file_id, 16);
  append_hex (pdf, file_id, 16);
  g_string_append_printf (pdf, "] >>\nstartxref\n%" G_GSIZE_FORMAT "\n%%%%EOF\n", xref);

  return g_string_free_to_bytes (pdf);
}

typedef struct
{
  char       *dir;
  char       *db_path;
  SbDatabase *database;
  char       *document_dir;
} Store;

static Store *
store_new (void)
{
  g_autoptr(GError) error = NULL;
  Store *store = g_new0 (Store, 1);

  store->dir = g_dir_make_tmp ("stdbase-test-documents-XXXXXX", &error);
  g_assert_no_error (error);
  store->db_path = g_build_filename (store->dir, "programme.db", NULL);
  store->database = sb_database_open (store->db_path, SB_DATABASE_OPEN_FLAGS_CREATE, &error);
  g_assert_no_error (error);
  store->document_dir = sb_database_get_document_dir (store->database);

  return store;
}

static void
store_free (Store *store)
{
  g_clear_object (&store->database);
  remove_tree (store->dir);
  g_free (store->dir);
  g_free (store->db_path);
  g_free (store->document_dir);
  g_free (store);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Store, store_free)

static char *
store_file (Store      *store,
            const char *name)
{
  return g_build_filename (store->dir, name, NULL);
}

static gint64
insert_base (Store *store)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (sb_database_exec (store->database,
                                   "INSERT INTO bases (short_name_zh, created_date)"
                                   " VALUES ('示例', '2024-01-02')", &error));
  g_assert_no_error (error);

  return sqlite3_last_insert_rowid (sb_database_get_handle (store->database));
}

/* Importing @path must fail with @code and a message naming @named (the
 * file, unless said otherwise), adding no row and no file.
 */
static void
assert_import_refused_full (Store      *store,
                            const char *path,
                            gint64      base_id,
                            GQuark      domain,
                            int         code,
                            const char *named)
{
  g_autoptr(GError) error = NULL;
  gint64 rows = query_int (store->database, "SELECT count(*) FROM documents");
  guint files = count_files (store->document_dir);
  gint64 id;

  id = sb_document_store_import (store->database, path, base_id, "attachment", &error);
  g_assert_cmpint (id, ==, 0);
  g_assert_error (error, domain, code);
  g_assert_nonnull (strstr (error->message, named));
  g_test_message ("%s", error->message);

  g_assert_cmpint (query_int (store->database, "SELECT count(*) FROM documents"), ==, rows);
  g_assert_cmpuint (count_files (store->document_dir), ==, files);
  g_assert_true (sqlite3_get_autocommit (sb_database_get_handle (store->database)));
}

static void
assert_import_refused (Store      *store,
                       const char *path,
                       gint64      base_id,
                       GQuark      domain,
                       int         code)
{
  g_autofree char *basename = g_path_get_basename (path);

  assert_import_refused_full (store, path, base_id, domain, code, basename);
}

/* Importing */

static void
test_import (void)
{
  g_autoptr(Store) store = store_new ();
  g_autofree char *original = store_file (store, "施工方案.pdf");
  g_autofree char *checksum = NULL;
  g_autofree char *stored = NULL;
  g_autofree char *stored_checksum = NULL;
  g_autofree char *expected_name = NULL;
  g_autofree char *uri = NULL;
  g_autofree char *text = NULL;
  g_autofree char *value = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) added = NULL;
  PopplerDocument *document;
  PopplerPage *page;
  GStatBuf original_buf;
  GStatBuf stored_buf;
  gint64 id;

  write_pdf (original);
  checksum = file_checksum (original);
  g_assert_cmpint (g_stat (original, &original_buf), ==, 0);

  id = sb_document_store_import (store->database, original, 0, "plan", &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);

  /* The row. */
  value = query_text (store->database, "SELECT sha256 FROM documents WHERE id = ?", id);
  g_assert_cmpstr (value, ==, checksum);
  g_clear_pointer (&value, g_free);
  value = query_text (store->database, "SELECT file_name FROM documents WHERE id = ?", id);
  g_assert_cmpstr (value, ==, "施工方案.pdf");
  g_clear_pointer (&value, g_free);
  value = query_text (store->database, "SELECT kind FROM documents WHERE id = ?", id);
  g_assert_cmpstr (value, ==, "plan");
  g_clear_pointer (&value, g_free);
  value = query_text (store->database, "SELECT size FROM documents WHERE id = ?", id);
  g_assert_cmpint (g_ascii_strtoll (value, NULL, 10), ==, original_buf.st_size);
  g_clear_pointer (&value, g_free);
  value = query_text (store->database, "SELECT pages FROM documents WHERE id = ?", id);
  g_assert_cmpstr (value, ==, G_STRINGIFY (TEST_PAGES));
  g_clear_pointer (&value, g_free);
  value = query_text (store->database, "SELECT base_id FROM documents WHERE id = ?", id);
  g_assert_null (value);
  value = query_text (store->database, "SELECT added_at FROM documents WHERE id = ?", id);
  added = g_date_time_new_from_iso8601 (value, NULL);
  g_assert_nonnull (added);
  g_clear_pointer (&value, g_free);

  /* The copy: in the programme's document folder, named by its checksum,
   * the same bytes, readable by its owner only. */
  stored = sb_document_store_get_path (store->database, id, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (stored, store->document_dir));
  expected_name = g_strconcat (checksum, ".pdf", NULL);
  g_assert_true (g_str_has_suffix (stored, expected_name));
  stored_checksum = file_checksum (stored);
  g_assert_cmpstr (stored_checksum, ==, checksum);
  g_assert_cmpint (g_stat (stored, &stored_buf), ==, 0);
  g_assert_cmpint (stored_buf.st_mode & 0777, ==, 0600);
  g_assert_cmpuint (count_files (store->document_dir), ==, 1);

  /* The original is not needed any more. */
  g_assert_cmpint (g_unlink (original), ==, 0);
  uri = g_filename_to_uri (stored, NULL, &error);
  g_assert_no_error (error);
  document = poppler_document_new_from_file (uri, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (poppler_document_get_n_pages (document), ==, TEST_PAGES);
  page = poppler_document_get_page (document, TEST_PAGES - 1);
  text = poppler_page_get_text (page);
  g_assert_nonnull (strstr (text, "StdBase test page " G_STRINGIFY (TEST_PAGES)));
  g_object_unref (page);
  g_object_unref (document);
}

/* The same file twice is one copy and two rows: each row is an
 * attachment of its own (to a base, a condition, a step), the bytes are
 * shared.
 */
static void
test_import_twice (void)
{
  g_autoptr(Store) store = store_new ();
  g_autofree char *original = store_file (store, "report.pdf");
  g_autofree char *renamed = store_file (store, "report-copy.pdf");
  g_autofree char *first_path = NULL;
  g_autofree char *second_path = NULL;
  g_autofree char *third_path = NULL;
  g_autofree char *name = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;
  gint64 first;
  gint64 second;
  gint64 third;

  write_pdf (original);
  first = sb_document_store_import (store->database, original, 0, NULL, &error);
  g_assert_no_error (error);
  second = sb_document_store_import (store->database, original, 0, NULL, &error);
  g_assert_no_error (error);
  g_file_get_contents (original, &contents, &length, &error);
  g_assert_no_error (error);
  write_file (renamed, contents, length);
  third = sb_document_store_import (store->database, renamed, 0, NULL, &error);
  g_assert_no_error (error);

  g_assert_cmpint (first, >, 0);
  g_assert_cmpint (second, !=, first);
  g_assert_cmpint (third, !=, first);
  g_assert_cmpint (third, !=, second);
  g_assert_cmpint (query_int (store->database, "SELECT count(*) FROM documents"), ==, 3);
  g_assert_cmpint (query_int (store->database, "SELECT count(DISTINCT sha256) FROM documents"),
                   ==, 1);
  g_assert_cmpuint (count_files (store->document_dir), ==, 1);

  first_path = sb_document_store_get_path (store->database, first, &error);
  second_path = sb_document_store_get_path (store->database, second, &error);
  third_path = sb_document_store_get_path (store->database, third, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (first_path, ==, second_path);
  g_assert_cmpstr (first_path, ==, third_path);

  /* Each row keeps the name the file had when it was added. */
  name = query_text (store->database, "SELECT file_name FROM documents WHERE id = ?", third);
  g_assert_cmpstr (name, ==, "report-copy.pdf");
  g_clear_pointer (&name, g_free);
  name = query_text (store->database, "SELECT kind FROM documents WHERE id = ?", first);
  g_assert_cmpstr (name, ==, "attachment");
}

/* A stored copy that was damaged since is replaced by the next import of
 * the same file, not trusted because its name is right.
 */
static void
test_import_repairs_copy (void)
{
  g_autoptr(Store) store = store_new ();
  g_autofree char *original = store_file (store, "plan.pdf");
  g_autofree char *stored = NULL;
  g_autofree char *checksum = NULL;
  g_autofree char *repaired = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;

  write_pdf (original);
  checksum = file_checksum (original);
  id = sb_document_store_import (store->database, original, 0, NULL, &error);
  g_assert_no_error (error);
  stored = sb_document_store_get_path (store->database, id, &error);
  g_assert_no_error (error);

  g_assert_cmpint (g_chmod (stored, 0600), ==, 0);
  write_file (stored, "%PDF-1.5\n", -1);

  g_assert_cmpint (sb_document_store_import (store->database, original, 0, NULL, &error), >, id);
  g_assert_no_error (error);
  repaired = file_checksum (stored);
  g_assert_cmpstr (repaired, ==, checksum);
}

static void
test_import_for_base (void)
{
  g_autoptr(Store) store = store_new ();
  g_autofree char *original = store_file (store, "conditions.pdf");
  g_autofree char *value = NULL;
  g_autoptr(GError) error = NULL;
  gint64 base_id;
  gint64 id;

  write_pdf (original);
  base_id = insert_base (store);
  id = sb_document_store_import (store->database, original, base_id, "condition", &error);
  g_assert_no_error (error);
  value = query_text (store->database, "SELECT base_id FROM documents WHERE id = ?", id);
  g_assert_cmpint (g_ascii_strtoll (value, NULL, 10), ==, base_id);

  /* A base that does not exist: no row, and no copy either. */
  g_assert_cmpint (g_unlink (original), ==, 0);
  g_clear_pointer (&original, g_free);
  original = store_file (store, "another.pdf");
  remove_tree (store->document_dir);
  write_pdf (original);
  assert_import_refused_full (store, original, base_id + 100,
                              SB_DATABASE_ERROR, SB_DATABASE_ERROR_CONSTRAINT, "programme.db");
  g_assert_cmpuint (count_files (store->document_dir), ==, 0);
}

/* Refused inputs */

static void
test_refuse_empty (void)
{
  g_autoptr(Store) store = store_new ();
  g_autofree char *path = store_file (store, "empty.pdf");

  write_file (path, "", 0);
  assert_import_refused (store, path, 0, SB_DOCUMENT_ERROR, SB_DOCUMENT_ERROR_NOT_PDF);
}

static void
test_refuse_text (void)
{
  g_autoptr(Store) store = store_new ();
  g_autofree char *path = store_file (store, "letter.pdf");
  g_autofree char *fake = store_file (store, "header-only.pdf");

  write_file (path, "Dear colleagues,\nplease find the plan attached.\n", -1);
  assert_import_refused (store, path, 0, SB_DOCUMENT_ERROR, SB_DOCUMENT_ERROR_NOT_PDF);

  /* The right signature is not enough. */
  write_file (fake, "%PDF-1.7\nThis is where the objects would be.\n%%EOF\n", -1);
  assert_import_refused (store, fake, 0, SB_DOCUMENT_ERROR, SB_DOCUMENT_ERROR_NOT_PDF);
}

static void
test_refuse_truncated (void)
{
  g_autoptr(Store) store = store_new ();
  g_autofree char *whole = store_file (store, "whole.pdf");
  g_autofree char *path = store_file (store, "truncated.pdf");
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;

  write_pdf (whole);
  g_file_get_contents (whole, &contents, &length, &error);
  g_assert_no_error (error);
  write_file (path, contents, length / 2);

  assert_import_refused (store, path, 0, SB_DOCUMENT_ERROR, SB_DOCUMENT_ERROR_NOT_PDF);
}

static void
test_refuse_random (void)
{
  g_autoptr(Store) store = store_new ();
  g_autofree char *path = store_file (store, "scan.pdf");
  g_autoptr(GRand) rand = g_rand_new_with_seed (2021);
  guint8 data[8192];

  for (gsize i = 0; i < sizeof data; i++)
    data[i] = g_rand_int_range (rand, 0, 256);
  write_file (path, data, sizeof data);

  assert_import_refused (store, path, 0, SB_DOCUMENT_ERROR, SB_DOCUMENT_ERROR_NOT_PDF);
}

static void
test_refuse_encrypted (void)
{
  g_autoptr(Store) store = store_new ();
  g_autofree char *path = store_file (store, "locked.pdf");
  g_autoptr(GBytes) bytes = make_encrypted_pdf ("secret", "owner");
  g_autoptr(GError) error = NULL;
  PopplerDocument *document;

  /* It is a sound PDF: with its password, Poppler opens it. */
  document = poppler_document_new_from_bytes (bytes, "secret", &error);
  g_assert_no_error (error);
  g_assert_cmpint (poppler_document_get_n_pages (document), ==, 1);
  g_object_unref (document);
  document = poppler_document_new_from_bytes (bytes, NULL, &error);
  g_assert_error (error, POPPLER_ERROR, POPPLER_ERROR_ENCRYPTED);
  g_assert_null (document);

  write_file (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  assert_import_refused (store, path, 0, SB_DOCUMENT_ERROR, SB_DOCUMENT_ERROR_ENCRYPTED);
}

static void
test_refuse_unreadable (void)
{
  g_autoptr(Store) store = store_new ();
  g_autofree char *missing = store_file (store, "gone.pdf");
  g_autofree char *folder = store_file (store, "folder.pdf");

  assert_import_refused (store, missing, 0, SB_DOCUMENT_ERROR, SB_DOCUMENT_ERROR_UNREADABLE);

  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
  assert_import_refused (store, folder, 0, SB_DOCUMENT_ERROR, SB_DOCUMENT_ERROR_UNREADABLE);
}

/* The store cannot be written (a file stands where its folder should
 * be): the error says so, and no row points to a copy that is not there.
 */
static void
test_refuse_store_failure (void)
{
  g_autoptr(Store) store = store_new ();
  g_autofree char *path = store_file (store, "plan.pdf");

  write_pdf (path);
  write_file (store->document_dir, "in the way", -1);

  assert_import_refused (store, path, 0, SB_DOCUMENT_ERROR, SB_DOCUMENT_ERROR_STORE);
  g_assert_true (g_file_test (store->document_dir, G_FILE_TEST_IS_REGULAR));
}

/* Looking up */

static void
test_get_path_missing (void)
{
  g_autoptr(Store) store = store_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  path = sb_document_store_get_path (store->database, 4711, &error);
  g_assert_null (path);
  g_assert_error (error, SB_DOCUMENT_ERROR, SB_DOCUMENT_ERROR_UNREADABLE);
  g_assert_nonnull (strstr (error->message, "4711"));
  g_test_message ("%s", error->message);
}

int
main (int   argc,
      char *argv[])
{
  int result;

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/document-store/import/pdf", test_import);
  g_test_add_func ("/document-store/import/twice", test_import_twice);
  g_test_add_func ("/document-store/import/repairs-damaged-copy", test_import_repairs_copy);
  g_test_add_func ("/document-store/import/for-base", test_import_for_base);
  g_test_add_func ("/document-store/refuse/empty", test_refuse_empty);
  g_test_add_func ("/document-store/refuse/text", test_refuse_text);
  g_test_add_func ("/document-store/refuse/truncated", test_refuse_truncated);
  g_test_add_func ("/document-store/refuse/random", test_refuse_random);
  g_test_add_func ("/document-store/refuse/encrypted", test_refuse_encrypted);
  g_test_add_func ("/document-store/refuse/unreadable", test_refuse_unreadable);
  g_test_add_func ("/document-store/refuse/store-failure", test_refuse_store_failure);
  g_test_add_func ("/document-store/get-path/missing", test_get_path_missing);

  result = g_test_run ();

  /* Cairo's font caches, so that valgrind reports only what is ours. */
  cairo_debug_reset_static_data ();

  return result;
}
