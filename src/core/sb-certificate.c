/* sb-certificate.c: the certificates of established bases (Art. 22)
 *
 * Numbering.  A certificate number is SXJD-YYYY-NNNN: "SXJD" for 山西
 * (SX) 基地 (JD), YYYY the year of issue, NNNN the order of issue within
 * that year, from 0001 (five digits from 10000 on).  The serial is one more
 * than the highest of that year, taken inside the write transaction, and
 * the table has UNIQUE (number) and UNIQUE (year, serial); numbers of void
 * and revoked certificates stay in the table, so no number is ever given
 * twice.  A reissue gets a new number of the year it is reissued in.
 *
 * Verification code.  HMAC-SHA256, keyed with a random 256-bit secret kept
 * in the database's settings table ("certificate-secret"), over every field
 * the certificate prints (number, base, names, lead unit, domain, dates,
 * authority), joined with newlines under a version tag.  The first 100 bits
 * are printed in RFC 4648 base32 as four groups of five characters.  Whoever
 * alters a field or the number cannot make a matching code without the
 * secret, and guessing one succeeds once in 2^100.  A public-key signature
 * would let anyone verify offline, but only the authority, which holds the
 * database, is meant to vouch for its certificates, and HMAC needs nothing
 * beyond GLib.  The code alone is not the whole check: verification also
 * compares the printed text with the record, and the record's state (void,
 * revoked) with what the holder claims.
 *
 * Rules.  Only a base in the established phase (established, or rectifying
 * after an annual assessment, which keeps its name, Art. 38) may be given a
 * certificate, and only one at a time.  A reissue needs a reason; the
 * certificate it replaces becomes void.  When a base is revoked (Art. 21,
 * 38), a trigger of the schema revokes its live certificate, however the
 * revocation was recorded.
 */
#define G_LOG_DOMAIN "sb-certificate"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "sb-base-name.h"
#include "sb-base-state.h"
#include "sb-certificate.h"
#include "sb-profile.h"
#include "sb-date.h"
#include "sb-locale.h"

#define NUMBER_PREFIX "SXJD"
#define CODE_VERSION  "SBCERT1"
#define CODE_GROUPS   4
#define CODE_GROUP    5

G_DEFINE_QUARK (sb-certificate-error-quark, sb_certificate_error)

typedef struct
{
  const char *id;
  const char *label;
} Name;

static const Name state_names[SB_N_CERTIFICATE_STATES] = {
  [SB_CERTIFICATE_STATE_NONE] = { "none", N_("Not issued") },
  [SB_CERTIFICATE_STATE_ISSUED] = { "issued", N_("Issued") },
  [SB_CERTIFICATE_STATE_REISSUED] = { "reissued", N_("Reissued") },
  [SB_CERTIFICATE_STATE_VOID] = { "void", N_("Void") },
  [SB_CERTIFICATE_STATE_REVOKED] = { "revoked", N_("Revoked") },
};

/* Columns every certificate query reads, in this order. */
#define CERTIFICATE_COLUMNS \
  "c.id, c.number, c.year, c.serial, c.base_id, c.state, c.issued_date," \
  " c.closed_date, c.reason, c.void_reason, c.replaces_id, c.name_zh," \
  " c.name_en, c.lead_unit, c.domain_zh, c.domain_en, c.established_date," \
  " c.authority_zh, c.authority_en, c.code"
#define N_CERTIFICATE_COLUMNS 20

/* Helpers */

static gboolean
is_live (SbCertificateState state)
{
  return state == SB_CERTIFICATE_STATE_ISSUED || state == SB_CERTIFICATE_STATE_REISSUED;
}

static SbCertificate *
read_certificate (sqlite3_stmt *stmt,
                  int           first)
{
  SbCertificate *certificate = g_new0 (SbCertificate, 1);
  int i = first;

  certificate->id = sqlite3_column_int64 (stmt, i++);
  certificate->number = sb_column_dup_text (stmt, i++);
  certificate->year = sqlite3_column_int (stmt, i++);
  certificate->serial = sqlite3_column_int (stmt, i++);
  certificate->base_id = sqlite3_column_int64 (stmt, i++);
  if (!sb_certificate_state_from_string ((const char *) sqlite3_column_text (stmt, i++),
                                         &certificate->state))
    certificate->state = SB_CERTIFICATE_STATE_VOID;
  sb_column_get_date (stmt, i++, &certificate->issued);
  sb_column_get_date (stmt, i++, &certificate->closed);
  certificate->reason = sb_column_dup_text (stmt, i++);
  certificate->void_reason = sb_column_dup_text (stmt, i++);
  certificate->replaces_id = sqlite3_column_int64 (stmt, i++);
  certificate->name_zh = sb_column_dup_text (stmt, i++);
  certificate->name_en = sb_column_dup_text (stmt, i++);
  certificate->lead_unit = sb_column_dup_text (stmt, i++);
  certificate->domain_zh = sb_column_dup_text (stmt, i++);
  certificate->domain_en = sb_column_dup_text (stmt, i++);
  sb_column_get_date (stmt, i++, &certificate->established);
  certificate->authority_zh = sb_column_dup_text (stmt, i++);
  certificate->authority_en = sb_column_dup_text (stmt, i++);
  certificate->code = sb_column_dup_text (stmt, i++);
  g_assert (i - first == N_CERTIFICATE_COLUMNS);

  return certificate;
}

/* Runs @stmt and returns its one row as a certificate, or NULL with no
 * error when there is none. */
static SbCertificate *
query_one (SbDatabase    *database,
           sqlite3_stmt  *stmt,
           GError       **error)
{
  SbCertificate *certificate = NULL;
  int rc = sqlite3_step (stmt);

  if (rc == SQLITE_ROW)
    {
      certificate = read_certificate (stmt, 0);
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        rc = SQLITE_DONE;
    }
  if (!sb_database_finish_rows (database, stmt, rc, error))
    g_clear_pointer (&certificate, sb_certificate_free);

  return certificate;
}

static GPtrArray *
query_many (SbDatabase    *database,
            sqlite3_stmt  *stmt,
            GError       **error)
{
  g_autoptr(GPtrArray) certificates = g_ptr_array_new_with_free_func ((GDestroyNotify) sb_certificate_free);
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (certificates, read_certificate (stmt, 0));
  if (!sb_database_finish_rows (database, stmt, rc, error))
    return NULL;

  return g_steal_pointer (&certificates);
}

/* The secret, created on first use if a database lost it. */
static char *
dup_secret (SbDatabase  *database,
            GError     **error)
{
  char *secret = sb_database_get_setting (database, "certificate-secret");

  if (secret != NULL && strlen (secret) >= 32)
    return secret;
  g_free (secret);

  if (!sb_database_exec (database,
                         "INSERT OR REPLACE INTO settings (key, value)"
                         " VALUES ('certificate-secret', lower (hex (randomblob (32))))",
                         error))
    return NULL;

  return sb_database_get_setting (database, "certificate-secret");
}

static char *
dup_setting_or (SbDatabase *database,
                const char *key,
                const char *fallback)
{
  g_autofree char *value = sb_database_get_setting (database, key);

  if (value == NULL || *value == '\0')
    return g_strdup (fallback);

  return g_steal_pointer (&value);
}

/* What the certificate of @base_id would say if it were issued now. */
static SbCertificate *
read_base_fields (SbDatabase   *database,
                  gint64        base_id,
                  GError      **error)
{
  g_autoptr(SbCertificate) certificate = NULL;
  g_autofree char *short_zh = NULL;
  g_autofree char *short_en = NULL;
  g_autofree char *state_text = NULL;
  SbBaseState state;
  sqlite3_stmt *stmt;
  int rc;

  stmt = sb_database_prepare (database,
                              "SELECT b.short_name_zh, b.short_name_en, b.state, b.established_date,"
                              "  o.name, d.name_zh, d.name_en"
                              " FROM bases b"
                              " LEFT JOIN organisations o ON o.id = b.lead_unit_id"
                              " LEFT JOIN domains d ON d.id = b.domain_id"
                              " WHERE b.id = ?", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, base_id);

  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      if (sb_database_finish_rows (database, stmt, rc, error))
        g_set_error (error, SB_CERTIFICATE_ERROR, SB_CERTIFICATE_ERROR_NOT_FOUND,
                     _("There is no base number %lld"), (long long) base_id);
      return NULL;
    }

  certificate = g_new0 (SbCertificate, 1);
  certificate->base_id = base_id;
  short_zh = sb_column_dup_text (stmt, 0);
  short_en = sb_column_dup_text (stmt, 1);
  state_text = sb_column_dup_text (stmt, 2);
  sb_column_get_date (stmt, 3, &certificate->established);
  certificate->lead_unit = sb_column_dup_text (stmt, 4);
  certificate->domain_zh = sb_column_dup_text (stmt, 5);
  certificate->domain_en = sb_column_dup_text (stmt, 6);
  sqlite3_reset (stmt);

  if (!sb_base_state_from_string (state_text, &state)
      || sb_base_state_get_phase (state) != SB_PHASE_ESTABLISHED
      || !g_date_valid (&certificate->established))
    {
      g_set_error (error, SB_CERTIFICATE_ERROR, SB_CERTIFICATE_ERROR_NOT_ESTABLISHED,
                   _("Base %lld is not established: only a base that "
                     "passed acceptance is named and given a certificate (Art. 22)"),
                   (long long) base_id);
      return NULL;
    }
  if (short_zh == NULL || *short_zh == '\0' || short_en == NULL || *short_en == '\0')
    {
      g_set_error (error, SB_CERTIFICATE_ERROR, SB_CERTIFICATE_ERROR_INVALID,
                   _("Base %lld needs both a Chinese and an English short "
                     "name: Art. 22 names it in both languages"), (long long) base_id);
      return NULL;
    }
  if (certificate->lead_unit == NULL || certificate->domain_zh == NULL)
    {
      g_set_error (error, SB_CERTIFICATE_ERROR, SB_CERTIFICATE_ERROR_INVALID,
                   _("Base %lld has no lead unit or no domain to print"),
                   (long long) base_id);
      return NULL;
    }

  certificate->name_zh = sb_base_name_established_zh (short_zh);
  certificate->name_en = sb_base_name_established_en (short_en);
  certificate->authority_zh = dup_setting_or (database, "certificate-authority-zh",
                                              "山西省市场监督管理局");
  certificate->authority_en = dup_setting_or (database, "certificate-authority-en",
                                              "Shanxi Administration for Market Regulation");

  return g_steal_pointer (&certificate);
}

static int
next_serial (SbDatabase  *database,
             int          year,
             GError     **error)
{
  sqlite3_stmt *stmt;
  int serial = 0;
  int rc;

  stmt = sb_database_prepare (database,
                              "SELECT COALESCE (MAX (serial), 0) + 1 FROM certificates WHERE year = ?",
                              error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int (stmt, 1, year);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      serial = sqlite3_column_int (stmt, 0);
      rc = sqlite3_step (stmt);
    }
  if (!sb_database_finish_rows (database, stmt, rc, error))
    return 0;

  return serial;
}

static gboolean
insert_certificate (SbDatabase     *database,
                    SbCertificate  *certificate,
                    const char     *actor,
                    GError        **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *recorded_at = g_date_time_format_iso8601 (now);
  sqlite3_stmt *stmt;

  stmt = sb_database_prepare (database,
                              "INSERT INTO certificates (number, year, serial, base_id, state,"
                              "  issued_date, reason, replaces_id, name_zh, name_en, lead_unit,"
                              "  domain_zh, domain_en, established_date, authority_zh,"
                              "  authority_en, code, actor, recorded_at)"
                              " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                              error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, certificate->number, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 2, certificate->year);
  sqlite3_bind_int (stmt, 3, certificate->serial);
  sqlite3_bind_int64 (stmt, 4, certificate->base_id);
  sqlite3_bind_text (stmt, 5, sb_certificate_state_to_string (certificate->state), -1, SQLITE_STATIC);
  sb_bind_date (stmt, 6, &certificate->issued);
  sqlite3_bind_text (stmt, 7, certificate->reason ? certificate->reason : "", -1, SQLITE_TRANSIENT);
  if (certificate->replaces_id > 0)
    sqlite3_bind_int64 (stmt, 8, certificate->replaces_id);
  else
    sqlite3_bind_null (stmt, 8);
  sqlite3_bind_text (stmt, 9, certificate->name_zh, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 10, certificate->name_en, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 11, certificate->lead_unit, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 12, certificate->domain_zh, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 13, certificate->domain_en ? certificate->domain_en : "", -1, SQLITE_TRANSIENT);
  sb_bind_date (stmt, 14, &certificate->established);
  sqlite3_bind_text (stmt, 15, certificate->authority_zh, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 16, certificate->authority_en, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 17, certificate->code, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 18, actor ? actor : "", -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 19, recorded_at, -1, SQLITE_TRANSIENT);

  if (!sb_database_step_done (database, stmt, error))
    return FALSE;

  certificate->id = sqlite3_last_insert_rowid (sb_database_get_handle (database));
  return TRUE;
}

/* Numbers, codes and fills in @certificate, then stores it.  Runs inside
 * the caller's transaction. */
static gboolean
number_and_store (SbDatabase     *database,
                  SbCertificate  *certificate,
                  const GDate    *today,
                  const char     *actor,
                  GError        **error)
{
  g_autofree char *secret = NULL;

  certificate->issued = *today;
  certificate->year = g_date_get_year (today);
  certificate->serial = next_serial (database, certificate->year, error);
  if (certificate->serial == 0)
    return FALSE;
  certificate->number = sb_certificate_format_number (certificate->year, certificate->serial);

  secret = dup_secret (database, error);
  if (secret == NULL)
    return FALSE;
  certificate->code = sb_certificate_compute_code (certificate, secret);

  return insert_certificate (database, certificate, actor, error);
}

static gboolean
check_today (const SbCertificate  *certificate,
             const GDate          *today,
             GError              **error)
{
  if (today == NULL || !g_date_valid (today))
    {
      g_set_error_literal (error, SB_CERTIFICATE_ERROR, SB_CERTIFICATE_ERROR_INVALID,
                           _("The date of issue is not a valid date"));
      return FALSE;
    }
  if (g_date_compare (today, &certificate->established) < 0)
    {
      g_autofree char *established = sb_date_format (&certificate->established);

      g_set_error (error, SB_CERTIFICATE_ERROR, SB_CERTIFICATE_ERROR_INVALID,
                   _("A certificate cannot be issued before the base was established on %s"),
                   established);
      return FALSE;
    }

  return TRUE;
}

static void
append_field (GString    *text,
              const char *field)
{
  g_string_append (text, field ? field : "");
  g_string_append_c (text, '\n');
}

static void
append_date (GString     *text,
             const GDate *date)
{
  char buffer[SB_DATE_TEXT_SIZE] = "";

  sb_date_write (date, buffer);
  append_field (text, buffer);
}

/* Lower case, without white space: the text layer of a PDF breaks lines
 * and may space characters differently from the record. */
static char *
squeeze (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text ? text : ""; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!g_unichar_isspace (c))
        g_string_append_unichar (out, g_unichar_tolower (c));
    }

  return g_string_free (out, FALSE);
}

/* Public API */

const char *
sb_certificate_state_to_string (SbCertificateState state)
{
  g_return_val_if_fail (state < SB_N_CERTIFICATE_STATES, NULL);

  return state_names[state].id;
}

gboolean
sb_certificate_state_from_string (const char         *text,
                                  SbCertificateState *state)
{
  for (guint i = 0; text != NULL && i < SB_N_CERTIFICATE_STATES; i++)
    {
      if (g_str_equal (text, state_names[i].id))
        {
          *state = i;
          return TRUE;
        }
    }

  return FALSE;
}

const char *
sb_certificate_state_get_label (SbCertificateState state)
{
  g_return_val_if_fail (state < SB_N_CERTIFICATE_STATES, NULL);

  return _(state_names[state].label);
}

char *
sb_certificate_format_number (int year,
                              int serial)
{
  g_return_val_if_fail (year > 0 && serial > 0, NULL);

  return g_strdup_printf (NUMBER_PREFIX "-%04d-%04d", year, serial);
}

/* Accepts exactly what sb_certificate_format_number() writes, in either
 * case: SXJD-YYYY-NNNN (or more digits). */
gboolean
sb_certificate_parse_number (const char *text,
                             int        *year,
                             int        *serial)
{
  g_autoptr(GRegex) regex = NULL;
  g_autoptr(GMatchInfo) match = NULL;
  g_autofree char *year_text = NULL;
  g_autofree char *serial_text = NULL;
  int parsed_year, parsed_serial;

  if (text == NULL)
    return FALSE;

  regex = g_regex_new ("^" NUMBER_PREFIX "-([0-9]{4})-([0-9]{4,6})$", G_REGEX_CASELESS, 0, NULL);
  if (!g_regex_match (regex, text, 0, &match))
    return FALSE;

  year_text = g_match_info_fetch (match, 1);
  serial_text = g_match_info_fetch (match, 2);
  parsed_year = atoi (year_text);
  parsed_serial = atoi (serial_text);
  if (parsed_year < 1 || parsed_serial < 1)
    return FALSE;
  /* A number has one spelling: 0007, not 00007. */
  if (strlen (serial_text) > 4 && serial_text[0] == '0')
    return FALSE;

  if (year != NULL)
    *year = parsed_year;
  if (serial != NULL)
    *serial = parsed_serial;
  return TRUE;
}

/**
 * sb_certificate_compute_code:
 * @secret: the database's secret, as hexadecimal text
 *
 * Returns: the verification code for what @certificate prints
 */
char *
sb_certificate_compute_code (const SbCertificate *certificate,
                             const char          *secret)
{
  static const char alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
  g_autoptr(GHmac) hmac = NULL;
  g_autoptr(GString) message = g_string_new (CODE_VERSION "\n");
  g_autofree char *base_id = NULL;
  guint8 digest[32];
  gsize digest_len = sizeof digest;
  GString *code = g_string_new (NULL);
  guint bit = 0;

  g_return_val_if_fail (certificate != NULL, NULL);
  g_return_val_if_fail (secret != NULL, NULL);

  base_id = g_strdup_printf ("%" G_GINT64_FORMAT, certificate->base_id);
  append_field (message, certificate->number);
  append_field (message, base_id);
  append_field (message, certificate->name_zh);
  append_field (message, certificate->name_en);
  append_field (message, certificate->lead_unit);
  append_field (message, certificate->domain_zh);
  append_field (message, certificate->domain_en);
  append_date (message, &certificate->established);
  append_date (message, &certificate->issued);
  append_field (message, certificate->authority_zh);
  append_field (message, certificate->authority_en);

  hmac = g_hmac_new (G_CHECKSUM_SHA256, (const guchar *) secret, strlen (secret));
  g_hmac_update (hmac, (const guchar *) message->str, message->len);
  g_hmac_get_digest (hmac, digest, &digest_len);

  for (guint i = 0; i < CODE_GROUPS * CODE_GROUP; i++, bit += 5)
    {
      guint byte = bit / 8, shift = bit % 8;
      guint value = (digest[byte] << 8 | digest[byte + 1]) >> (11 - shift) & 0x1f;

      if (i > 0 && i % CODE_GROUP == 0)
        g_string_append_c (code, '-');
      g_string_append_c (code, alphabet[value]);
    }

  return g_string_free (code, FALSE);
}

/* "2026年11月27日": how Chinese official documents write a date. */
char *
sb_certificate_dup_text_date_zh (const GDate *date)
{
  if (date == NULL || !g_date_valid (date))
    return g_strdup ("");

  return g_strdup_printf ("%d年%d月%d日", g_date_get_year (date),
                          g_date_get_month (date), g_date_get_day (date));
}

/* "27 November 2026", in English whatever the locale: the certificate is
 * a bilingual document, not a translated one. */
char *
sb_certificate_dup_text_date_en (const GDate *date)
{
  static const char *months[] = { "January", "February", "March", "April", "May", "June", "July",
                                  "August", "September", "October", "November", "December" };

  if (date == NULL || !g_date_valid (date))
    return g_strdup ("");

  return g_strdup_printf ("%d %s %d", g_date_get_day (date),
                          months[g_date_get_month (date) - 1], g_date_get_year (date));
}

/* What the QR code holds: enough to look the certificate up and check it. */
char *
sb_certificate_dup_qr_text (const SbCertificate *certificate)
{
  g_return_val_if_fail (certificate != NULL, NULL);

  return g_strdup_printf ("STDBASE-CERT:%s:%s", certificate->number, certificate->code);
}

SbCertificate *
sb_certificate_copy (const SbCertificate *certificate)
{
  SbCertificate *copy;

  g_return_val_if_fail (certificate != NULL, NULL);

  copy = g_memdup2 (certificate, sizeof *certificate);
  copy->number = g_strdup (certificate->number);
  copy->reason = g_strdup (certificate->reason);
  copy->void_reason = g_strdup (certificate->void_reason);
  copy->name_zh = g_strdup (certificate->name_zh);
  copy->name_en = g_strdup (certificate->name_en);
  copy->lead_unit = g_strdup (certificate->lead_unit);
  copy->domain_zh = g_strdup (certificate->domain_zh);
  copy->domain_en = g_strdup (certificate->domain_en);
  copy->authority_zh = g_strdup (certificate->authority_zh);
  copy->authority_en = g_strdup (certificate->authority_en);
  copy->code = g_strdup (certificate->code);

  return copy;
}

void
sb_certificate_free (SbCertificate *certificate)
{
  if (certificate == NULL)
    return;

  g_free (certificate->number);
  g_free (certificate->reason);
  g_free (certificate->void_reason);
  g_free (certificate->name_zh);
  g_free (certificate->name_en);
  g_free (certificate->lead_unit);
  g_free (certificate->domain_zh);
  g_free (certificate->domain_en);
  g_free (certificate->authority_zh);
  g_free (certificate->authority_en);
  g_free (certificate->code);
  g_free (certificate);
}

/**
 * sb_certificate_store_issue:
 *
 * Issues the first certificate of an established base.
 *
 * Returns: (transfer full): the new certificate, or %NULL with @error set
 */
SbCertificate *
sb_certificate_store_issue (SbDatabase   *database,
                            gint64        base_id,
                            const GDate  *today,
                            const char   *actor,
                            GError      **error)
{
  g_autoptr(SbCertificate) certificate = NULL;
  g_autoptr(SbCertificate) current = NULL;
  GError *local_error = NULL;

  g_return_val_if_fail (SB_IS_DATABASE (database), NULL);

  if (!sb_profile_check_acting_role (database, SB_ROLE_AUTHORITY, 22, error))
    return NULL;
  if (!sb_database_begin (database, error))
    return NULL;

  certificate = read_base_fields (database, base_id, &local_error);
  if (certificate != NULL)
    current = sb_certificate_store_get_current (database, base_id, &local_error);
  if (local_error == NULL && current != NULL && is_live (current->state))
    g_set_error (&local_error, SB_CERTIFICATE_ERROR, SB_CERTIFICATE_ERROR_ALREADY_ISSUED,
                 _("Base %lld already holds certificate %s; reissue it "
                   "instead, with a reason"), (long long) base_id, current->number);
  if (local_error == NULL && check_today (certificate, today, &local_error))
    {
      certificate->state = SB_CERTIFICATE_STATE_ISSUED;
      certificate->reason = g_strdup ("");
      number_and_store (database, certificate, today, actor, &local_error);
    }

  if (local_error != NULL)
    {
      sb_database_rollback (database);
      g_propagate_error (error, local_error);
      return NULL;
    }
  if (!sb_database_commit (database, error))
    return NULL;

  return g_steal_pointer (&certificate);
}

/**
 * sb_certificate_store_reissue:
 * @reason: why: lost, damaged, a corrected name or lead unit
 *
 * Replaces the base's live certificate with a new one under a new number,
 * printing what the base's record says today; the old one becomes void.
 *
 * Returns: (transfer full): the new certificate, or %NULL with @error set
 */
SbCertificate *
sb_certificate_store_reissue (SbDatabase   *database,
                              gint64        base_id,
                              const char   *reason,
                              const GDate  *today,
                              const char   *actor,
                              GError      **error)
{
  g_autoptr(SbCertificate) certificate = NULL;
  g_autoptr(SbCertificate) current = NULL;
  g_autofree char *trimmed = g_strstrip (g_strdup (reason ? reason : ""));
  GError *local_error = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (SB_IS_DATABASE (database), NULL);

  if (!sb_profile_check_acting_role (database, SB_ROLE_AUTHORITY, 22, error))
    return NULL;
  if (*trimmed == '\0')
    {
      g_set_error_literal (error, SB_CERTIFICATE_ERROR, SB_CERTIFICATE_ERROR_INVALID,
                           _("A certificate is reissued only with a reason"));
      return NULL;
    }
  if (today == NULL || !g_date_valid (today))
    {
      g_set_error_literal (error, SB_CERTIFICATE_ERROR, SB_CERTIFICATE_ERROR_INVALID,
                           _("The date of issue is not a valid date"));
      return NULL;
    }

  if (!sb_database_begin (database, error))
    return NULL;

  certificate = read_base_fields (database, base_id, &local_error);
  if (certificate != NULL)
    current = sb_certificate_store_get_current (database, base_id, &local_error);
  if (local_error == NULL && (current == NULL || !is_live (current->state)))
    g_set_error (&local_error, SB_CERTIFICATE_ERROR, SB_CERTIFICATE_ERROR_NOT_ISSUED,
                 _("Base %lld holds no certificate to reissue; issue one first"),
                 (long long) base_id);
  if (local_error == NULL && g_date_compare (today, &current->issued) < 0)
    g_set_error_literal (&local_error, SB_CERTIFICATE_ERROR, SB_CERTIFICATE_ERROR_INVALID,
                         _("A certificate cannot be reissued before the date it was issued"));
  if (local_error == NULL && check_today (certificate, today, &local_error))
    {
      stmt = sb_database_prepare (database,
                                  "UPDATE certificates SET state = 'void', closed_date = ?,"
                                  "  void_reason = ? WHERE id = ?", &local_error);
      if (stmt != NULL)
        {
          sb_bind_date (stmt, 1, today);
          sqlite3_bind_text (stmt, 2, trimmed, -1, SQLITE_TRANSIENT);
          sqlite3_bind_int64 (stmt, 3, current->id);
          if (sb_database_step_done (database, stmt, &local_error))
            {
              certificate->state = SB_CERTIFICATE_STATE_REISSUED;
              certificate->reason = g_strdup (trimmed);
              certificate->replaces_id = current->id;
              number_and_store (database, certificate, today, actor, &local_error);
            }
        }
    }

  if (local_error != NULL)
    {
      sb_database_rollback (database);
      g_propagate_error (error, local_error);
      return NULL;
    }
  if (!sb_database_commit (database, error))
    return NULL;

  return g_steal_pointer (&certificate);
}

/**
 * sb_certificate_store_get_current:
 *
 * Returns: (transfer full) (nullable): the base's live certificate, or if
 *   it has none its latest one (void or revoked), or %NULL if it never had
 *   one (@error unset) or on error
 */
SbCertificate *
sb_certificate_store_get_current (SbDatabase  *database,
                                  gint64       base_id,
                                  GError     **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (SB_IS_DATABASE (database), NULL);

  stmt = sb_database_prepare (database,
                              "SELECT " CERTIFICATE_COLUMNS " FROM certificates c"
                              " WHERE c.base_id = ?"
                              " ORDER BY c.state IN ('issued', 'reissued') DESC, c.id DESC LIMIT 1",
                              error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, base_id);

  return query_one (database, stmt, error);
}

/**
 * sb_certificate_store_find_number:
 *
 * Returns: (transfer full) (nullable): the certificate with @number, or
 *   %NULL (@error unset) if there is none
 */
SbCertificate *
sb_certificate_store_find_number (SbDatabase  *database,
                                  const char  *number,
                                  GError     **error)
{
  g_autofree char *upper = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (SB_IS_DATABASE (database), NULL);
  g_return_val_if_fail (number != NULL, NULL);

  upper = g_ascii_strup (number, -1);
  stmt = sb_database_prepare (database,
                              "SELECT " CERTIFICATE_COLUMNS " FROM certificates c WHERE c.number = ?",
                              error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, upper, -1, SQLITE_TRANSIENT);

  return query_one (database, stmt, error);
}

/**
 * sb_certificate_store_list_live:
 *
 * Returns: (transfer full) (element-type SbCertificate): every issued or
 *   reissued certificate, by base
 */
GPtrArray *
sb_certificate_store_list_live (SbDatabase  *database,
                                GError     **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (SB_IS_DATABASE (database), NULL);

  stmt = sb_database_prepare (database,
                              "SELECT " CERTIFICATE_COLUMNS " FROM certificates c"
                              " WHERE c.state IN ('issued', 'reissued') ORDER BY c.base_id",
                              error);
  if (stmt == NULL)
    return NULL;

  return query_many (database, stmt, error);
}

/**
 * sb_certificate_store_list_history:
 *
 * Returns: (transfer full) (element-type SbCertificate): every certificate
 *   the base was given, oldest first
 */
GPtrArray *
sb_certificate_store_list_history (SbDatabase  *database,
                                   gint64       base_id,
                                   GError     **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (SB_IS_DATABASE (database), NULL);

  stmt = sb_database_prepare (database,
                              "SELECT " CERTIFICATE_COLUMNS " FROM certificates c"
                              " WHERE c.base_id = ? ORDER BY c.id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, base_id);

  return query_many (database, stmt, error);
}

/**
 * sb_certificate_store_list:
 *
 * The bases the Certificates section shows: every established base, and
 * every revoked base that was given a certificate, each with its live or
 * latest certificate.  One query, by base number.
 *
 * Returns: (transfer full) (element-type SbCertificateListing)
 */
GPtrArray *
sb_certificate_store_list (SbDatabase  *database,
                           GError     **error)
{
  g_autoptr(GPtrArray) listings = g_ptr_array_new_with_free_func ((GDestroyNotify) sb_certificate_listing_free);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (SB_IS_DATABASE (database), NULL);

  stmt = sb_database_prepare (database,
                              "SELECT b.id, b.short_name_zh, o.name, d.name_zh, d.name_en, b.state,"
                              "  b.established_date, c.id IS NOT NULL, " CERTIFICATE_COLUMNS
                              " FROM bases b"
                              " LEFT JOIN organisations o ON o.id = b.lead_unit_id"
                              " LEFT JOIN domains d ON d.id = b.domain_id"
                              " LEFT JOIN certificates c ON c.id = ("
                              "   SELECT c2.id FROM certificates c2 WHERE c2.base_id = b.id"
                              "   ORDER BY c2.state IN ('issued', 'reissued') DESC, c2.id DESC LIMIT 1)"
                              /* The established phase (sb-base-state.c), and
                               * revoked bases that had been given one. */
                              " WHERE b.state IN ('established', 'assessment-rectifying')"
                              "   OR (b.state = 'revoked' AND c.id IS NOT NULL)"
                              " ORDER BY b.id", error);
  if (stmt == NULL)
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      SbCertificateListing *listing = g_new0 (SbCertificateListing, 1);
      g_autofree char *short_name = sb_column_dup_text (stmt, 1);

      listing->base_id = sqlite3_column_int64 (stmt, 0);
      listing->name_zh = sb_base_name_established_zh (short_name ? short_name : "");
      listing->lead_unit = sb_column_dup_text (stmt, 2);
      listing->domain = g_strdup (sb_locale_pick ((const char *) sqlite3_column_text (stmt, 3),
                                                  (const char *) sqlite3_column_text (stmt, 4)));
      listing->base_state = sb_column_dup_text (stmt, 5);
      sb_column_get_date (stmt, 6, &listing->established);
      if (sqlite3_column_int (stmt, 7))
        listing->certificate = read_certificate (stmt, 8);
      g_ptr_array_add (listings, listing);
    }
  if (!sb_database_finish_rows (database, stmt, rc, error))
    return NULL;

  return g_steal_pointer (&listings);
}

/**
 * sb_certificate_verify:
 * @number: the certificate number read from the document
 * @code: the verification code read from the document
 * @printed_text: (nullable): the document's text, to compare with the
 *   record; %NULL to check the number and code alone
 *
 * Judges a certificate against the database: is the number known, does
 * the code match the one issued, does the text say what was issued, and
 * is the certificate still in force.
 *
 * Returns: (transfer full): the verdict, or %NULL with @error set if the
 *   database could not be read
 */
SbVerification *
sb_certificate_verify (SbDatabase  *database,
                       const char  *number,
                       const char  *code,
                       const char  *printed_text,
                       GError     **error)
{
  g_autoptr(SbVerification) verification = g_new0 (SbVerification, 1);
  g_autofree char *secret = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *given_code = NULL;
  GError *local_error = NULL;
  SbCertificate *record;

  g_return_val_if_fail (SB_IS_DATABASE (database), NULL);
  g_return_val_if_fail (number != NULL && code != NULL, NULL);

  verification->number = g_ascii_strup (number, -1);
  verification->code = g_ascii_strup (code, -1);
  given_code = g_strdup (verification->code);

  record = sb_certificate_store_find_number (database, verification->number, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return NULL;
    }
  verification->record = record;
  verification->status = SB_VERIFICATION_FORGED;

  if (record == NULL)
    {
      verification->explanation = g_strdup_printf (_("No certificate numbered %s was ever issued"),
                                                   verification->number);
      return g_steal_pointer (&verification);
    }

  secret = dup_secret (database, error);
  if (secret == NULL)
    return NULL;
  expected = sb_certificate_compute_code (record, secret);

  if (!g_str_equal (expected, record->code))
    {
      verification->explanation = g_strdup_printf (_("The record of certificate %s in the database "
                                                      "was altered after it was issued"),
                                                   record->number);
      return g_steal_pointer (&verification);
    }
  if (!g_str_equal (given_code, record->code))
    {
      verification->explanation = g_strdup_printf (_("The verification code does not belong to "
                                                      "certificate %s"), record->number);
      return g_steal_pointer (&verification);
    }

  if (printed_text != NULL)
    {
      g_autofree char *text = squeeze (printed_text);
      g_autofree char *established = sb_certificate_dup_text_date_zh (&record->established);
      g_autofree char *issued = sb_certificate_dup_text_date_zh (&record->issued);
      struct { const char *value; const char *what; } fields[] = {
        { record->name_zh, N_("the Chinese name") },
        { record->name_en, N_("the English name") },
        { record->lead_unit, N_("the lead unit") },
        { record->domain_zh, N_("the domain") },
        { established, N_("the date of establishment") },
        { issued, N_("the date of issue") },
        { record->authority_zh, N_("the issuing authority") },
      };

      for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
        {
          g_autofree char *field = squeeze (fields[i].value);

          if (strstr (text, field) == NULL)
            {
              verification->explanation =
                g_strdup_printf (_("The number and code are genuine, but %s differs from what "
                                   "certificate %s says: the document was altered"),
                                 _(fields[i].what), record->number);
              return g_steal_pointer (&verification);
            }
        }
    }

  switch (record->state)
    {
    case SB_CERTIFICATE_STATE_ISSUED:
    case SB_CERTIFICATE_STATE_REISSUED:
      verification->status = SB_VERIFICATION_VALID;
      verification->explanation = g_strdup_printf (_("Certificate %s is genuine and in force"),
                                                    record->number);
      break;

    case SB_CERTIFICATE_STATE_VOID:
      {
        sqlite3_stmt *stmt = sb_database_prepare (database,
                                                  "SELECT number FROM certificates WHERE replaces_id = ?",
                                                  NULL);

        if (stmt != NULL)
          {
            sqlite3_bind_int64 (stmt, 1, record->id);
            if (sqlite3_step (stmt) == SQLITE_ROW)
              verification->replaced_by = sb_column_dup_text (stmt, 0);
            sqlite3_reset (stmt);
          }
        verification->status = SB_VERIFICATION_VOID;
        if (verification->replaced_by != NULL)
          verification->explanation = g_strdup_printf (_("Certificate %s is void: it was replaced "
                                                         "by %s (%s)"),
                                                       record->number, verification->replaced_by,
                                                       record->void_reason);
        else
          verification->explanation = g_strdup_printf (_("Certificate %s is void"), record->number);
      }
      break;

    case SB_CERTIFICATE_STATE_REVOKED:
      {
        g_autofree char *closed = sb_date_format (&record->closed);

        verification->status = SB_VERIFICATION_REVOKED;
        verification->explanation = g_strdup_printf (_("Certificate %s was revoked with its base "
                                                       "on %s"), record->number,
                                                     closed ? closed : "?");
      }
      break;

    case SB_CERTIFICATE_STATE_NONE:
    case SB_N_CERTIFICATE_STATES:
    default:
      g_assert_not_reached ();
    }

  return g_steal_pointer (&verification);
}

void
sb_verification_free (SbVerification *verification)
{
  if (verification == NULL)
    return;

  g_free (verification->number);
  g_free (verification->code);
  g_clear_pointer (&verification->record, sb_certificate_free);
  g_free (verification->replaced_by);
  g_free (verification->explanation);
  g_free (verification);
}

void
sb_certificate_listing_free (SbCertificateListing *listing)
{
  if (listing == NULL)
    return;

  g_free (listing->name_zh);
  g_free (listing->lead_unit);
  g_free (listing->domain);
  g_free (listing->base_state);
  g_clear_pointer (&listing->certificate, sb_certificate_free);
  g_free (listing);
}
