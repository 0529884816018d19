/* test-certificate.c: certificates of established bases (Art. 22)
 *
 * Each test works on the deterministic demonstration programme, judged on
 * 2026-11-27, in its own temporary folder.  Certificates are written to
 * PDF and read back with Poppler, as a holder's file would be.
 */
#include "config.h"

#include <glib.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <cairo-pdf.h>
#include <poppler.h>
#include <string.h>

#include "sb-certificate.h"
#include "sb-certificate-render.h"
#include "sb-date.h"
#include "sb-demo.h"
#include "sb-programme.h"

typedef struct
{
  char        *dir;
  SbProgramme *programme;
  SbDatabase  *database;
  GDate        today;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  fixture->dir = g_dir_make_tmp ("test-certificate-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (fixture->dir, "programme.db", NULL);
  g_date_clear (&fixture->today, 1);
  g_date_set_dmy (&fixture->today, 27, 11, 2026);

  fixture->programme = sb_programme_open (path, SB_DATABASE_OPEN_FLAGS_CREATE, &error);
  g_assert_no_error (error);
  sb_demo_fill (sb_programme_get_store (fixture->programme), SB_DEMO_DEFAULT_COUNT,
                SB_DEMO_DEFAULT_SEED, &fixture->today, &error);
  g_assert_no_error (error);
  fixture->database = sb_programme_get_database (fixture->programme);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  g_clear_object (&fixture->programme);
  dir = g_dir_open (fixture->dir, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (fixture->dir, name, NULL);
      g_unlink (path);
    }
  g_rmdir (fixture->dir);
  g_free (fixture->dir);
}

static char *
tmp_path (Fixture    *fixture,
          const char *name)
{
  return g_build_filename (fixture->dir, name, NULL);
}

/* The first base listed whose state is @state. */
static gint64
find_base (Fixture    *fixture,
           const char *state)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) listings = sb_certificate_store_list (fixture->database, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < listings->len; i++)
    {
      SbCertificateListing *listing = g_ptr_array_index (listings, i);

      if (g_str_equal (listing->base_state, state))
        return listing->base_id;
    }

  g_error ("The demonstration programme has no base in state %s", state);
  return 0;
}

/* A base that is not established: the first one in the table. */
static gint64
find_unestablished_base (Fixture *fixture)
{
  sqlite3_stmt *stmt;
  gint64 id = 0;

  stmt = sb_database_prepare (fixture->database,
                              "SELECT id FROM bases WHERE state = 'constructing' LIMIT 1", NULL);
  g_assert_nonnull (stmt);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  g_assert_cmpint (id, >, 0);

  return id;
}

static SbCertificate *
issue (Fixture *fixture,
       gint64   base_id)
{
  g_autoptr(GError) error = NULL;
  SbCertificate *certificate;

  certificate = sb_certificate_store_issue (fixture->database, base_id, &fixture->today,
                                            "test", &error);
  g_assert_no_error (error);
  g_assert_nonnull (certificate);

  return certificate;
}

/* Numbers */

static void
test_number_format (void)
{
  g_autofree char *number = sb_certificate_format_number (2026, 7);
  g_autofree char *big = sb_certificate_format_number (2027, 12345);
  int year = 0, serial = 0;

  g_assert_cmpstr (number, ==, "SXJD-2026-0007");
  g_assert_cmpstr (big, ==, "SXJD-2027-12345");
  g_assert_true (sb_certificate_parse_number (number, &year, &serial));
  g_assert_cmpint (year, ==, 2026);
  g_assert_cmpint (serial, ==, 7);
  g_assert_true (sb_certificate_parse_number ("sxjd-2026-0007", NULL, NULL));
  g_assert_true (sb_certificate_parse_number (big, &year, &serial));
  g_assert_cmpint (serial, ==, 12345);

  g_assert_false (sb_certificate_parse_number ("SXJD-2026-7", NULL, NULL));
  g_assert_false (sb_certificate_parse_number ("SXJD-2026-00007", NULL, NULL));
  g_assert_false (sb_certificate_parse_number ("SXJD-2026-0000", NULL, NULL));
  g_assert_false (sb_certificate_parse_number ("XXJD-2026-0007", NULL, NULL));
  g_assert_false (sb_certificate_parse_number (" SXJD-2026-0007", NULL, NULL));
  g_assert_false (sb_certificate_parse_number ("", NULL, NULL));
  g_assert_false (sb_certificate_parse_number (NULL, NULL, NULL));
}

static void
test_numbering_unique (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) listings = sb_certificate_store_list (fixture->database, &error);
  g_autoptr(GHashTable) numbers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(SbCertificate) reissued = NULL;
  g_autoptr(SbCertificate) next_year = NULL;
  g_autoptr(GPtrArray) live = NULL;
  GDate next;
  guint count = 0;

  g_assert_no_error (error);
  g_assert_cmpuint (listings->len, >=, 3);

  for (guint i = 0; i < listings->len; i++)
    {
      SbCertificateListing *listing = g_ptr_array_index (listings, i);
      g_autoptr(SbCertificate) certificate = issue (fixture, listing->base_id);
      g_autofree char *expected = sb_certificate_format_number (2026, i + 1);

      /* In the order of issue, from 0001, within the year of issue. */
      g_assert_cmpstr (certificate->number, ==, expected);
      g_assert_true (g_hash_table_add (numbers, g_strdup (certificate->number)));
      count++;
    }

  /* A reissue takes the next number; the void one keeps its own. */
  reissued = sb_certificate_store_reissue (fixture->database,
                                           ((SbCertificateListing *) g_ptr_array_index (listings, 0))->base_id,
                                           "Damaged", &fixture->today, "test", &error);
  g_assert_no_error (error);
  g_assert_true (g_hash_table_add (numbers, g_strdup (reissued->number)));
  g_assert_cmpint (reissued->serial, ==, count + 1);

  /* A new year starts again at 0001. */
  next = fixture->today;
  g_date_add_years (&next, 1);
  next_year = sb_certificate_store_reissue (fixture->database, reissued->base_id, "Corrected lead unit name",
                                            &next, "test", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (next_year->number, ==, "SXJD-2027-0001");

  live = sb_certificate_store_list_live (fixture->database, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (live->len, ==, count);

  /* The schema itself refuses a number given twice. */
  g_assert_false (sb_database_exec (fixture->database,
                                    "UPDATE certificates SET number = 'SXJD-2026-0001'"
                                    " WHERE number = 'SXJD-2026-0002'", &error));
  g_assert_error (error, SB_DATABASE_ERROR, SB_DATABASE_ERROR_CONSTRAINT);
}

/* Verification codes */

static void
test_code_detects_alteration (void)
{
  const char *secret = "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff";
  SbCertificate original = {
    .number = (char *) "SXJD-2026-0001",
    .base_id = 16,
    .name_zh = (char *) "山西省技术标准创新基地（轨道交通车辆）",
    .name_en = (char *) "Shanxi Technical Standard Innovation Base of Rail Vehicles",
    .lead_unit = (char *) "山西瑞丰轨道交通股份有限公司",
    .domain_zh = (char *) "轨道交通",
    .domain_en = (char *) "Rail transit",
    .authority_zh = (char *) "山西省市场监督管理局",
    .authority_en = (char *) "Shanxi Administration for Market Regulation",
  };
  g_autofree char *code = NULL;
  g_autoptr(GRegex) shape = g_regex_new ("^[A-Z2-7]{5}(-[A-Z2-7]{5}){3}$", 0, 0, NULL);

  g_date_clear (&original.established, 1);
  g_date_clear (&original.issued, 1);
  g_date_set_dmy (&original.established, 14, 2, 2025);
  g_date_set_dmy (&original.issued, 27, 11, 2026);

  code = sb_certificate_compute_code (&original, secret);
  g_assert_true (g_regex_match (shape, code, 0, NULL));

  /* The same fields and secret give the same code. */
  {
    g_autofree char *again = sb_certificate_compute_code (&original, secret);
    g_assert_cmpstr (again, ==, code);
  }

  /* Any one field altered, or another secret, gives another code. */
  for (guint i = 0; i < 11; i++)
    {
      SbCertificate altered = original;
      g_autofree char *altered_code = NULL;

      switch (i)
        {
        case 0: altered.number = (char *) "SXJD-2026-0002"; break;
        case 1: altered.base_id = 17; break;
        case 2: altered.name_zh = (char *) "山西省技术标准创新基地（轨道交通车辆)"; break;
        case 3: altered.name_en = (char *) "Shanxi Technical Standard Innovation Base of Rail Vehicle"; break;
        case 4: altered.lead_unit = (char *) "山西瑞丰轨道交通有限公司"; break;
        case 5: altered.domain_zh = (char *) "通用航空"; break;
        case 6: altered.domain_en = (char *) "General aviation"; break;
        case 7: g_date_add_days (&altered.established, 1); break;
        case 8: g_date_subtract_days (&altered.issued, 1); break;
        case 9: altered.authority_zh = (char *) "山西省市场监管局"; break;
        case 10: altered.authority_en = (char *) "Shanxi AMR"; break;
        default: g_assert_not_reached ();
        }
      altered_code = sb_certificate_compute_code (&altered, secret);
      g_assert_cmpstr (altered_code, !=, code);
    }

  {
    g_autofree char *other = sb_certificate_compute_code (&original,
                                                          "ffeeddccbbaa99887766554433221100ffeeddccbbaa99887766554433221100");
    g_assert_cmpstr (other, !=, code);
  }
}

/* Rules */

static void
test_rules (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SbCertificate) first = NULL;
  g_autoptr(SbCertificate) second = NULL;
  g_autoptr(SbCertificate) old = NULL;
  g_autoptr(SbCertificate) none = NULL;
  g_autoptr(SbCertificate) current = NULL;
  g_autoptr(GPtrArray) history = NULL;
  gint64 established = find_base (fixture, "established");
  gint64 unestablished = find_unestablished_base (fixture);
  GDate before;

  /* Only an established base is named and given a certificate (Art. 22). */
  none = sb_certificate_store_issue (fixture->database, unestablished, &fixture->today, NULL, &error);
  g_assert_null (none);
  g_assert_error (error, SB_CERTIFICATE_ERROR, SB_CERTIFICATE_ERROR_NOT_ESTABLISHED);
  g_assert_nonnull (strstr (error->message, "Art. 22"));
  g_clear_error (&error);

  none = sb_certificate_store_issue (fixture->database, 999999, &fixture->today, NULL, &error);
  g_assert_error (error, SB_CERTIFICATE_ERROR, SB_CERTIFICATE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* Nothing to reissue yet. */
  none = sb_certificate_store_reissue (fixture->database, established, "Lost", &fixture->today, NULL, &error);
  g_assert_error (error, SB_CERTIFICATE_ERROR, SB_CERTIFICATE_ERROR_NOT_ISSUED);
  g_clear_error (&error);

  /* Not before the base was established. */
  g_date_clear (&before, 1);
  g_date_set_dmy (&before, 1, 1, 2001);
  none = sb_certificate_store_issue (fixture->database, established, &before, NULL, &error);
  g_assert_error (error, SB_CERTIFICATE_ERROR, SB_CERTIFICATE_ERROR_INVALID);
  g_clear_error (&error);

  first = issue (fixture, established);
  g_assert_cmpint (first->state, ==, SB_CERTIFICATE_STATE_ISSUED);
  g_assert_true (g_str_has_prefix (first->name_zh, "山西省技术标准创新基地（"));
  g_assert_true (g_str_has_prefix (first->name_en, "Shanxi Technical Standard Innovation Base of "));
  g_assert_cmpstr (first->authority_zh, ==, "山西省市场监督管理局");

  /* One at a time: a second issue is refused. */
  none = sb_certificate_store_issue (fixture->database, established, &fixture->today, NULL, &error);
  g_assert_error (error, SB_CERTIFICATE_ERROR, SB_CERTIFICATE_ERROR_ALREADY_ISSUED);
  g_assert_nonnull (strstr (error->message, first->number));
  g_clear_error (&error);

  /* A reissue needs a reason. */
  none = sb_certificate_store_reissue (fixture->database, established, "   ", &fixture->today, NULL, &error);
  g_assert_error (error, SB_CERTIFICATE_ERROR, SB_CERTIFICATE_ERROR_INVALID);
  g_clear_error (&error);

  second = sb_certificate_store_reissue (fixture->database, established, "  Lost in a flood ",
                                         &fixture->today, "test", &error);
  g_assert_no_error (error);
  g_assert_cmpint (second->state, ==, SB_CERTIFICATE_STATE_REISSUED);
  g_assert_cmpstr (second->reason, ==, "Lost in a flood");
  g_assert_cmpint (second->replaces_id, ==, first->id);
  g_assert_cmpstr (second->number, !=, first->number);

  old = sb_certificate_store_find_number (fixture->database, first->number, &error);
  g_assert_no_error (error);
  g_assert_cmpint (old->state, ==, SB_CERTIFICATE_STATE_VOID);
  g_assert_cmpstr (old->void_reason, ==, "Lost in a flood");
  g_assert_true (g_date_valid (&old->closed));

  current = sb_certificate_store_get_current (fixture->database, established, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (current->number, ==, second->number);

  history = sb_certificate_store_list_history (fixture->database, established, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (history->len, ==, 2);
}

/* Revocation follows the base (Art. 38), whoever records it. */
static void
test_revocation_follows_base (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SbCertificate) certificate = NULL;
  g_autoptr(SbCertificate) after = NULL;
  g_autoptr(SbCertificate) none = NULL;
  g_autoptr(GPtrArray) listings = NULL;
  gint64 rectifying = find_base (fixture, "assessment-rectifying");
  SbTransitionRequest request;
  GDate date;
  gboolean listed = FALSE;

  /* Rectifying after an annual assessment, the base is still established. */
  certificate = issue (fixture, rectifying);

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 10, 2, 2027);
  sb_transition_request_init (&request, SB_ACTION_FAIL_RECHECK, SB_ROLE_AUTHORITY, &date);
  request.note = "Rectification failed";
  sb_base_store_perform (sb_programme_get_store (fixture->programme), rectifying, &request, &date, &error);
  g_assert_no_error (error);

  after = sb_certificate_store_find_number (fixture->database, certificate->number, &error);
  g_assert_no_error (error);
  g_assert_cmpint (after->state, ==, SB_CERTIFICATE_STATE_REVOKED);
  g_assert_true (g_date_valid (&after->closed));
  g_assert_cmpint (g_date_compare (&after->closed, &date), ==, 0);

  /* A revoked base gets no new certificate, nor a reissue. */
  none = sb_certificate_store_issue (fixture->database, rectifying, &date, NULL, &error);
  g_assert_error (error, SB_CERTIFICATE_ERROR, SB_CERTIFICATE_ERROR_NOT_ESTABLISHED);
  g_clear_error (&error);
  none = sb_certificate_store_reissue (fixture->database, rectifying, "Lost", &date, NULL, &error);
  g_assert_error (error, SB_CERTIFICATE_ERROR, SB_CERTIFICATE_ERROR_NOT_ESTABLISHED);
  g_clear_error (&error);

  /* The section still lists it, with its revoked certificate. */
  listings = sb_certificate_store_list (fixture->database, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < listings->len; i++)
    {
      SbCertificateListing *listing = g_ptr_array_index (listings, i);

      if (listing->base_id == rectifying)
        {
          listed = TRUE;
          g_assert_cmpstr (listing->base_state, ==, "revoked");
          g_assert_nonnull (listing->certificate);
          g_assert_cmpint (listing->certificate->state, ==, SB_CERTIFICATE_STATE_REVOKED);
        }
    }
  g_assert_true (listed);
}

/* The PDF, read back */

static PopplerDocument *
open_pdf (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *uri = g_file_get_uri (file);
  PopplerDocument *document = poppler_document_new_from_file (uri, NULL, &error);

  g_assert_no_error (error);
  return document;
}

static char *
squeeze (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      if (!g_unichar_isspace (g_utf8_get_char (p)))
        g_string_append_unichar (out, g_utf8_get_char (p));
    }

  return g_string_free (out, FALSE);
}

static void
test_pdf_read_back (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SbCertificate) certificate = issue (fixture, find_base (fixture, "established"));
  g_autofree char *path = tmp_path (fixture, "certificate.pdf");
  g_autofree char *text = NULL;
  g_autofree char *flat = NULL;
  g_autofree char *established = sb_certificate_dup_text_date_zh (&certificate->established);
  g_autofree char *issued = sb_certificate_dup_text_date_zh (&certificate->issued);
  g_autofree char *issued_en = sb_certificate_dup_text_date_en (&certificate->issued);
  g_autofree char *keywords = NULL;
  PopplerDocument *document;
  PopplerPage *page;
  PopplerFontInfo *info;
  PopplerFontsIter *iter = NULL;
  double width, height;
  guint fonts = 0;
  gboolean cjk = FALSE;

  g_assert_true (sb_certificate_write_pdf (certificate, path, &error));
  g_assert_no_error (error);

  document = open_pdf (path);
  g_assert_cmpint (poppler_document_get_n_pages (document), ==, 1);
  page = poppler_document_get_page (document, 0);

  /* A4 landscape: 297 × 210 mm. */
  poppler_page_get_size (page, &width, &height);
  g_assert_cmpfloat_with_epsilon (width, 297 / 25.4 * 72, 0.5);
  g_assert_cmpfloat_with_epsilon (height, 210 / 25.4 * 72, 0.5);

  text = poppler_page_get_text (page);
  flat = squeeze (text);
  g_assert_nonnull (strstr (flat, certificate->name_zh));
  {
    g_autofree char *name_en = squeeze (certificate->name_en);
    g_assert_nonnull (strstr (flat, name_en));
  }
  g_assert_nonnull (strstr (flat, "证书"));
  g_assert_nonnull (strstr (flat, certificate->lead_unit));
  g_assert_nonnull (strstr (flat, certificate->domain_zh));
  g_assert_nonnull (strstr (flat, certificate->number));
  g_assert_nonnull (strstr (flat, certificate->code));
  g_assert_nonnull (strstr (flat, established));
  g_assert_nonnull (strstr (flat, issued));
  g_assert_nonnull (strstr (flat, "山西省市场监督管理局"));
  {
    g_autofree char *date_en = squeeze (issued_en);
    g_assert_nonnull (strstr (flat, date_en));
  }

  keywords = poppler_document_get_keywords (document);
  g_assert_nonnull (strstr (keywords, certificate->number));

  /* Every font is embedded, one of them a CJK face. */
  info = poppler_font_info_new (document);
  while (poppler_font_info_scan (info, 10, &iter))
    {
      if (iter == NULL)
        continue;
      do
        {
          const char *name = poppler_fonts_iter_get_name (iter);

          g_assert_true (poppler_fonts_iter_is_embedded (iter));
          if (name != NULL && strstr (name, "CJK") != NULL)
            cjk = TRUE;
          fonts++;
        }
      while (poppler_fonts_iter_next (iter));
      poppler_fonts_iter_free (iter);
      iter = NULL;
    }
  poppler_font_info_free (info);
  g_assert_cmpuint (fonts, >, 0);
  g_assert_true (cjk);

  g_object_unref (page);
  g_object_unref (document);
}

/* Verification */

static SbVerification *
verify_file (Fixture    *fixture,
             const char *path)
{
  g_autoptr(GError) error = NULL;
  SbVerification *verification = sb_certificate_verify_file (fixture->database, path, &error);

  g_assert_no_error (error);
  g_assert_nonnull (verification);
  return verification;
}

static void
test_verify (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 base_id = find_base (fixture, "established");
  g_autoptr(SbCertificate) certificate = issue (fixture, base_id);
  g_autoptr(SbCertificate) other = issue (fixture, find_base (fixture, "assessment-rectifying"));
  g_autoptr(SbCertificate) reissued = NULL;
  g_autofree char *genuine = tmp_path (fixture, "genuine.pdf");
  g_autofree char *renumbered = tmp_path (fixture, "renumbered.pdf");
  g_autofree char *renamed = tmp_path (fixture, "renamed.pdf");
  g_autofree char *invented = tmp_path (fixture, "invented.pdf");
  g_autofree char *garbage = tmp_path (fixture, "garbage.pdf");
  g_autofree char *empty = tmp_path (fixture, "empty.pdf");
  g_autofree char *plain = tmp_path (fixture, "plain.pdf");
  SbVerification *verification;

  g_assert_true (sb_certificate_write_pdf (certificate, genuine, &error));

  verification = verify_file (fixture, genuine);
  g_assert_cmpint (verification->status, ==, SB_VERIFICATION_VALID);
  g_assert_cmpstr (verification->number, ==, certificate->number);
  g_assert_cmpstr (verification->code, ==, certificate->code);
  sb_verification_free (verification);

  /* Another base's number with this certificate's code. */
  {
    g_autoptr(SbCertificate) altered = sb_certificate_copy (certificate);

    g_free (altered->number);
    altered->number = g_strdup (other->number);
    g_assert_true (sb_certificate_write_pdf (altered, renumbered, &error));
    verification = verify_file (fixture, renumbered);
    g_assert_cmpint (verification->status, ==, SB_VERIFICATION_FORGED);
    sb_verification_free (verification);
  }

  /* The genuine number and code over another lead unit. */
  {
    g_autoptr(SbCertificate) altered = sb_certificate_copy (certificate);

    g_free (altered->lead_unit);
    altered->lead_unit = g_strdup ("山西伪造科技有限公司");
    g_assert_true (sb_certificate_write_pdf (altered, renamed, &error));
    verification = verify_file (fixture, renamed);
    g_assert_cmpint (verification->status, ==, SB_VERIFICATION_FORGED);
    g_assert_nonnull (strstr (verification->explanation, "lead unit"));
    sb_verification_free (verification);
  }

  /* Text added to a genuine field: every field is still found, but the
   * page is not the certificate as issued. */
  {
    g_autoptr(SbCertificate) altered = sb_certificate_copy (certificate);
    g_autofree char *extended = tmp_path (fixture, "extended.pdf");

    g_free (altered->lead_unit);
    altered->lead_unit = g_strconcat (certificate->lead_unit, "太原分公司", NULL);
    g_assert_true (sb_certificate_write_pdf (altered, extended, &error));
    verification = verify_file (fixture, extended);
    g_assert_cmpint (verification->status, ==, SB_VERIFICATION_FORGED);
    g_assert_nonnull (strstr (verification->explanation, "as issued"));
    sb_verification_free (verification);
  }

  /* A number never issued. */
  {
    g_autoptr(SbCertificate) altered = sb_certificate_copy (certificate);

    g_free (altered->number);
    altered->number = g_strdup ("SXJD-2019-0042");
    g_assert_true (sb_certificate_write_pdf (altered, invented, &error));
    verification = verify_file (fixture, invented);
    g_assert_cmpint (verification->status, ==, SB_VERIFICATION_FORGED);
    g_assert_null (verification->record);
    sb_verification_free (verification);
  }

  /* Once reissued, the old file is void and names its replacement. */
  reissued = sb_certificate_store_reissue (fixture->database, base_id, "Lost", &fixture->today, NULL, &error);
  g_assert_no_error (error);
  verification = verify_file (fixture, genuine);
  g_assert_cmpint (verification->status, ==, SB_VERIFICATION_VOID);
  g_assert_cmpstr (verification->replaced_by, ==, reissued->number);
  sb_verification_free (verification);

  /* Exported after it became void, it carries the watermark and still
   * reads as that void certificate. */
  {
    g_autoptr(SbCertificate) void_record = sb_certificate_store_find_number (fixture->database,
                                                                             certificate->number, &error);
    g_autofree char *void_path = tmp_path (fixture, "void.pdf");

    g_assert_no_error (error);
    g_assert_cmpint (void_record->state, ==, SB_CERTIFICATE_STATE_VOID);
    g_assert_true (sb_certificate_write_pdf (void_record, void_path, &error));
    verification = verify_file (fixture, void_path);
    g_assert_cmpint (verification->status, ==, SB_VERIFICATION_VOID);
    sb_verification_free (verification);
  }

  /* The database's record altered behind the authority's back. */
  g_assert_true (sb_database_exec (fixture->database,
                                   "UPDATE certificates SET lead_unit = 'X' WHERE state = 'reissued'",
                                   &error));
  g_assert_true (sb_certificate_write_pdf (reissued, genuine, &error));
  verification = verify_file (fixture, genuine);
  g_assert_cmpint (verification->status, ==, SB_VERIFICATION_FORGED);
  g_assert_nonnull (strstr (verification->explanation, "database"));
  sb_verification_free (verification);

  /* Files that are no certificate at all. */
  g_assert_true (g_file_set_contents (garbage, "%PDF-1.5\nnot really", -1, NULL));
  g_assert_null (sb_certificate_verify_file (fixture->database, garbage, &error));
  g_assert_error (error, SB_CERTIFICATE_ERROR, SB_CERTIFICATE_ERROR_UNREADABLE);
  g_clear_error (&error);
  g_assert_true (g_file_set_contents (empty, "", 0, NULL));
  g_assert_null (sb_certificate_verify_file (fixture->database, empty, &error));
  g_assert_error (error, SB_CERTIFICATE_ERROR, SB_CERTIFICATE_ERROR_UNREADABLE);
  g_clear_error (&error);
  {
    cairo_surface_t *surface = cairo_pdf_surface_create (plain, 200, 200);
    cairo_t *cr = cairo_create (surface);

    cairo_move_to (cr, 20, 100);
    cairo_show_text (cr, "Just a letter");
    cairo_destroy (cr);
    cairo_surface_destroy (surface);
  }
  g_assert_null (sb_certificate_verify_file (fixture->database, plain, &error));
  g_assert_error (error, SB_CERTIFICATE_ERROR, SB_CERTIFICATE_ERROR_NOT_A_CERTIFICATE);
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/certificate/number-format", test_number_format);
  g_test_add_func ("/certificate/code-detects-alteration", test_code_detects_alteration);
  g_test_add ("/certificate/numbering-unique", Fixture, NULL, fixture_set_up, test_numbering_unique, fixture_tear_down);
  g_test_add ("/certificate/rules", Fixture, NULL, fixture_set_up, test_rules, fixture_tear_down);
  g_test_add ("/certificate/revocation-follows-base", Fixture, NULL, fixture_set_up, test_revocation_follows_base, fixture_tear_down);
  g_test_add ("/certificate/pdf-read-back", Fixture, NULL, fixture_set_up, test_pdf_read_back, fixture_tear_down);
  g_test_add ("/certificate/verify", Fixture, NULL, fixture_set_up, test_verify, fixture_tear_down);

  return g_test_run ();
}
