/* sb-notice.c: notices of annual assessment results, and spot checks
 *
 * After an annual assessment (Art. 36) the authority files its result and
 * notifies the base's industry department and the standardisation
 * authority of its city: one notice record for each, worded as the
 * official document is, in Chinese whatever the language of the screens,
 * and printable as an A4 PDF.  The industry department is the base's
 * recommender when that is one; a base recommended by its city is
 * notified to the city alone.  Spot checks (Art. 37) are recorded with
 * their method and findings.
 */

#define G_LOG_DOMAIN "sb-notice"

#include "config.h"

#include <cairo-pdf.h>
#include <gio/gio.h>
#include <glib/gi18n-lib.h>
#include <pango/pangocairo.h>

#include "sb-base-name.h"
#include "sb-file.h"
#include "sb-notice.h"
#include "sb-profile.h"

#define SERIF "Noto Serif CJK SC"
#define DEFAULT_AUTHORITY "山西省市场监督管理局"

G_DEFINE_QUARK (sb-notice-error-quark, sb_notice_error)

/* The Chinese date of an official document: 2026年11月27日. */
static char *
format_date_zh (const GDate *date)
{
  return g_strdup_printf ("%d年%d月%d日", g_date_get_year (date), g_date_get_month (date),
                          g_date_get_day (date));
}

static char *
format_score (double score)
{
  return g_strdup_printf ("%.1f", score);
}

typedef struct
{
  char     *base_name;
  char     *lead_unit;
  char     *city_code;
  gint64    recommender_id;
  char     *recommender_kind;
  GDate     rectify_by;
  GDate     assessed;
  gboolean  passed;
  gboolean  has_scores;
  double    scores[3];
} AssessmentFacts;

static void
assessment_facts_clear (AssessmentFacts *facts)
{
  g_free (facts->base_name);
  g_free (facts->lead_unit);
  g_free (facts->city_code);
  g_free (facts->recommender_kind);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (AssessmentFacts, assessment_facts_clear)

static gboolean
read_assessment (SbDatabase       *database,
                 gint64            base_id,
                 int               year,
                 AssessmentFacts  *facts,
                 GError          **error)
{
  static const char sql[] =
    "SELECT b.short_name_zh, b.state, b.established_date, o.name, b.city_code,"
    " IFNULL (b.recommender_id, 0), r.kind, b.rectify_by_date, a.date, a.passed,"
    " a.score_service IS NOT NULL, a.score_service, a.score_team, a.score_cooperation"
    " FROM bases b JOIN assessments a ON a.base_id = b.id AND a.year = ?2"
    " LEFT JOIN organisations o ON o.id = b.lead_unit_id"
    " LEFT JOIN organisations r ON r.id = b.recommender_id"
    " WHERE b.id = ?1";
  sqlite3_stmt *stmt = sb_database_prepare (database, sql, error);
  gboolean found = FALSE;
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, base_id);
  sqlite3_bind_int (stmt, 2, year);
  if ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *short_name = (const char *) sqlite3_column_text (stmt, 0);

      found = TRUE;
      /* Assessed bases are established: their name has no （筹）. */
      facts->base_name = sb_base_name_established_zh (short_name);
      facts->lead_unit = sb_column_dup_text (stmt, 3);
      facts->city_code = sb_column_dup_text (stmt, 4);
      facts->recommender_id = sqlite3_column_int64 (stmt, 5);
      facts->recommender_kind = sb_column_dup_text (stmt, 6);
      sb_column_get_date (stmt, 7, &facts->rectify_by);
      sb_column_get_date (stmt, 8, &facts->assessed);
      facts->passed = sqlite3_column_int (stmt, 9);
      facts->has_scores = sqlite3_column_int (stmt, 10);
      for (int i = 0; i < 3; i++)
        facts->scores[i] = sqlite3_column_double (stmt, 11 + i);
    }
  if (!sb_database_finish_rows (database, stmt, rc == SQLITE_ROW ? SQLITE_DONE : rc, error))
    return FALSE;

  if (!found)
    {
      g_set_error (error, SB_NOTICE_ERROR, SB_NOTICE_ERROR_NOT_FOUND,
                   _("The base has no annual assessment for %d to give notice of (Art. 36)"), year);
      return FALSE;
    }

  return TRUE;
}

static char *
compose_body (const AssessmentFacts *facts,
              const char            *recipient,
              int                    year)
{
  g_autoptr(GString) body = g_string_new (NULL);

  g_string_append_printf (body, "%s：\n", recipient);
  g_string_append_printf (body,
                          "　　根据《山西省技术标准创新基地管理办法》第三十六条，省标准化主管部门"
                          "组织专家对%s（牵头单位：%s）%d年度建设运行情况进行了考核。",
                          facts->base_name, facts->lead_unit ? facts->lead_unit : "", year);
  g_string_append_printf (body, "考核结果为：%s。", facts->passed ? "合格" : "不合格");
  if (facts->has_scores)
    {
      g_autofree char *service = format_score (facts->scores[0]);
      g_autofree char *team = format_score (facts->scores[1]);
      g_autofree char *cooperation = format_score (facts->scores[2]);

      g_string_append_printf (body, "其中，服务水平与实际贡献%s分，队伍建设与人才培养%s分，"
                                    "开放合作与运行管理%s分。", service, team, cooperation);
    }
  if (!facts->passed)
    {
      if (g_date_valid (&facts->rectify_by))
        {
          g_autofree char *by = format_date_zh (&facts->rectify_by);

          g_string_append_printf (body, "请督促该基地于%s前完成整改，逾期整改不到位的，"
                                        "将依照第三十八条撤销其命名。", by);
        }
      else
        g_string_append (body, "请督促该基地按期完成整改（第三十八条）。");
    }
  else
    g_string_append (body, "请继续支持该基地建设运行，发挥其示范引领作用。");
  g_string_append (body, "\n　　特此通知。");

  return g_string_free (g_steal_pointer (&body), FALSE);
}

/* The recipients: the recommending industry department, if any, and the
 * standardisation authority of the base's city or zone. */
static GArray *
find_recipients (SbDatabase             *database,
                 const AssessmentFacts  *facts,
                 GError                **error)
{
  static const char sql[] =
    "SELECT id FROM organisations WHERE kind = 'city_authority' AND city_code = ? ORDER BY id LIMIT 1";
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt;
  int rc;

  if (facts->recommender_id > 0 && g_strcmp0 (facts->recommender_kind, "industry_department") == 0)
    g_array_append_val (ids, facts->recommender_id);

  stmt = sb_database_prepare (database, sql, error);
  if (stmt == NULL)
    {
      g_array_unref (ids);
      return NULL;
    }
  sb_bind_text_or_null (stmt, 1, facts->city_code);
  if ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
    }
  if (!sb_database_finish_rows (database, stmt, rc == SQLITE_ROW ? SQLITE_DONE : rc, error))
    {
      g_array_unref (ids);
      return NULL;
    }

  return ids;
}

/**
 * sb_notice_file_assessment:
 *
 * Files the notices of the base's assessment for @year, one per recipient;
 * filing again replaces them (a corrected result).
 *
 * Returns: (transfer full) (element-type SbNotice): the notices filed
 */
GPtrArray *
sb_notice_file_assessment (SbDatabase   *database,
                           gint64        base_id,
                           int           year,
                           const GDate  *date,
                           GError      **error)
{
  static const char insert_sql[] =
    "INSERT INTO notices (base_id, year, recipient_id, issued_date, title, body)"
    " SELECT ?1, ?2, id, ?3, ?4, ?5 FROM organisations WHERE id = ?6"
    " ON CONFLICT (base_id, year, recipient_id) DO UPDATE SET"
    "  issued_date = excluded.issued_date, title = excluded.title, body = excluded.body";
  g_auto(AssessmentFacts) facts = { 0 };
  g_autoptr(GArray) recipients = NULL;
  g_autofree char *title = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (date != NULL && g_date_valid (date), NULL);

  if (!sb_profile_check_acting_role (database, SB_ROLE_AUTHORITY, 36, error))
    return NULL;
  if (!read_assessment (database, base_id, year, &facts, error))
    return NULL;
  recipients = find_recipients (database, &facts, error);
  if (recipients == NULL)
    return NULL;
  if (recipients->len == 0)
    {
      g_set_error (error, SB_NOTICE_ERROR, SB_NOTICE_ERROR_NOT_FOUND,
                   _("The base has neither an industry department nor a city authority to notify"));
      return NULL;
    }

  title = g_strdup_printf ("关于%s%d年度考核结果的通知", facts.base_name, year);

  if (!sb_database_begin (database, error))
    return NULL;
  for (guint i = 0; i < recipients->len; i++)
    {
      gint64 recipient = g_array_index (recipients, gint64, i);
      g_autofree char *name = NULL;
      g_autofree char *body = NULL;
      sqlite3_stmt *name_stmt;
      int rc;

      name_stmt = sb_database_prepare (database, "SELECT name FROM organisations WHERE id = ?", error);
      if (name_stmt == NULL)
        goto failed;
      sqlite3_bind_int64 (name_stmt, 1, recipient);
      if ((rc = sqlite3_step (name_stmt)) == SQLITE_ROW)
        name = sb_column_dup_text (name_stmt, 0);
      if (!sb_database_finish_rows (database, name_stmt, rc == SQLITE_ROW ? SQLITE_DONE : rc, error))
        goto failed;

      body = compose_body (&facts, name ? name : "", year);
      stmt = sb_database_prepare (database, insert_sql, error);
      if (stmt == NULL)
        goto failed;
      sqlite3_bind_int64 (stmt, 1, base_id);
      sqlite3_bind_int (stmt, 2, year);
      sb_bind_date (stmt, 3, date);
      sqlite3_bind_text (stmt, 4, title, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 5, body, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (stmt, 6, recipient);
      if (!sb_database_step_done (database, stmt, error))
        goto failed;
    }
  if (!sb_database_commit (database, error))
    return NULL;

  {
    g_autoptr(GPtrArray) all = sb_notice_list_for_base (database, base_id, error);
    GPtrArray *filed;

    if (all == NULL)
      return NULL;
    filed = g_ptr_array_new_with_free_func ((GDestroyNotify) sb_notice_free);
    for (guint i = 0; i < all->len; i++)
      if (((SbNotice *) g_ptr_array_index (all, i))->year == year)
        g_ptr_array_add (filed, g_ptr_array_steal_index (all, i--));
    return filed;
  }

failed:
  sb_database_rollback (database);
  return NULL;
}

/**
 * sb_notice_list_for_base:
 *
 * Returns: (transfer full) (element-type SbNotice): the base's notices,
 *   newest year first
 */
GPtrArray *
sb_notice_list_for_base (SbDatabase  *database,
                         gint64       base_id,
                         GError     **error)
{
  static const char sql[] =
    "SELECT n.id, n.base_id, n.year, o.name, n.issued_date, n.title, n.body,"
    " IFNULL ((SELECT value FROM settings WHERE key = 'certificate-authority-zh'), ?2)"
    " FROM notices n JOIN organisations o ON o.id = n.recipient_id"
    " WHERE n.base_id = ?1 ORDER BY n.year DESC, n.id";
  g_autoptr(GPtrArray) notices = g_ptr_array_new_with_free_func ((GDestroyNotify) sb_notice_free);
  sqlite3_stmt *stmt;
  int rc;

  stmt = sb_database_prepare (database, sql, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, base_id);
  sqlite3_bind_text (stmt, 2, DEFAULT_AUTHORITY, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      SbNotice *notice = g_new0 (SbNotice, 1);

      notice->id = sqlite3_column_int64 (stmt, 0);
      notice->base_id = sqlite3_column_int64 (stmt, 1);
      notice->year = sqlite3_column_int (stmt, 2);
      notice->recipient = sb_column_dup_text (stmt, 3);
      sb_column_get_date (stmt, 4, &notice->issued);
      notice->title = sb_column_dup_text (stmt, 5);
      notice->body = sb_column_dup_text (stmt, 6);
      notice->authority = sb_column_dup_text (stmt, 7);
      g_ptr_array_add (notices, notice);
    }
  if (!sb_database_finish_rows (database, stmt, rc, error))
    return NULL;

  return g_steal_pointer (&notices);
}

static PangoLayout *
new_layout (cairo_t    *cr,
            PangoWeight weight,
            double      size,
            double      width,
            const char *text)
{
  PangoLayout *layout = pango_cairo_create_layout (cr);
  PangoFontDescription *font = pango_font_description_from_string (SERIF);
  cairo_font_options_t *options = cairo_font_options_create ();

  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (pango_layout_get_context (layout), options);
  cairo_font_options_destroy (options);

  pango_font_description_set_weight (font, weight);
  pango_font_description_set_absolute_size (font, size * PANGO_SCALE);
  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);
  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_line_spacing (layout, 1.6);
  pango_layout_set_text (layout, text, -1);

  return layout;
}

static double
show_layout (cairo_t     *cr,
             PangoLayout *layout,
             double       x,
             double       y)
{
  int height;

  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
  pango_layout_get_size (layout, NULL, &height);

  return y + (double) height / PANGO_SCALE;
}

/* One notice on an A4 page: title, recipient and text, then the authority
 * and the date at the foot of the text, right-aligned. */
void
sb_notice_draw (cairo_t        *cr,
                const SbNotice *notice)
{
  const double margin = 72;
  const double width = SB_NOTICE_PAGE_WIDTH - 2 * margin;
  g_autoptr(PangoLayout) title = NULL;
  g_autoptr(PangoLayout) body = NULL;
  g_autoptr(PangoLayout) signature = NULL;
  g_autofree char *date = format_date_zh (&notice->issued);
  g_autofree char *signed_by = g_strdup_printf ("%s\n%s", notice->authority, date);
  double y = margin + 20;

  cairo_save (cr);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);

  /* The red rule under the heading of an official document. */
  cairo_set_source_rgb (cr, 0.75, 0.08, 0.1);
  title = new_layout (cr, PANGO_WEIGHT_BOLD, 20, width, notice->title);
  pango_layout_set_alignment (title, PANGO_ALIGN_CENTER);
  y = show_layout (cr, title, margin, y) + 14;
  cairo_set_line_width (cr, 1.5);
  cairo_move_to (cr, margin, y);
  cairo_line_to (cr, margin + width, y);
  cairo_stroke (cr);
  y += 28;

  cairo_set_source_rgb (cr, 0.1, 0.1, 0.1);
  body = new_layout (cr, PANGO_WEIGHT_NORMAL, 14, width, notice->body);
  y = show_layout (cr, body, margin, y) + 48;

  signature = new_layout (cr, PANGO_WEIGHT_NORMAL, 14, width, signed_by);
  pango_layout_set_alignment (signature, PANGO_ALIGN_RIGHT);
  show_layout (cr, signature, margin, y);
  cairo_restore (cr);
}

static cairo_status_t
write_notices (const char *path,
               gpointer    user_data)
{
  GPtrArray *notices = user_data;
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;

  surface = cairo_pdf_surface_create (path, SB_NOTICE_PAGE_WIDTH, SB_NOTICE_PAGE_HEIGHT);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE,
                                  ((SbNotice *) g_ptr_array_index (notices, 0))->title);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "StdBase " PACKAGE_VERSION);
  cr = cairo_create (surface);
  for (guint i = 0; i < notices->len; i++)
    {
      sb_notice_draw (cr, g_ptr_array_index (notices, i));
      cairo_show_page (cr);
    }
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  return status;
}

/* All @notices in one PDF, a page each; a failure leaves no file. */
gboolean
sb_notice_write_pdf (GPtrArray   *notices,
                     const char  *path,
                     GError     **error)
{
  g_autofree char *display = NULL;
  cairo_status_t status;
  int error_number;

  g_return_val_if_fail (notices != NULL && notices->len > 0, FALSE);

  if (sb_file_write_atomically (path, write_notices, notices, &error_number, &status))
    return TRUE;

  display = g_filename_display_name (path);
  if (error_number != 0)
    g_set_error (error, G_IO_ERROR, g_io_error_from_errno (error_number),
                 _("Could not write “%s”: %s"), display, g_strerror (error_number));
  else
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Could not write “%s”: %s"),
                 display, cairo_status_to_string (status));
  return FALSE;
}

SbNotice *
sb_notice_copy (const SbNotice *notice)
{
  SbNotice *copy;

  g_return_val_if_fail (notice != NULL, NULL);

  copy = g_memdup2 (notice, sizeof *notice);
  copy->recipient = g_strdup (notice->recipient);
  copy->title = g_strdup (notice->title);
  copy->body = g_strdup (notice->body);
  copy->authority = g_strdup (notice->authority);

  return copy;
}

void
sb_notice_free (SbNotice *notice)
{
  if (notice == NULL)
    return;

  g_free (notice->recipient);
  g_free (notice->title);
  g_free (notice->body);
  g_free (notice->authority);
  g_free (notice);
}

/* Spot checks (Art. 37) */

static const char *spot_check_methods[] = { "on-site", "documents" };

const char *
sb_spot_check_method_get_label (SbSpotCheckMethod method)
{
  return method == SB_SPOT_CHECK_ON_SITE ? _("On-site check") : _("Review of documents");
}

gint64
sb_spot_check_record (SbDatabase         *database,
                      gint64              base_id,
                      const GDate        *date,
                      SbSpotCheckMethod   method,
                      const char         *inspector,
                      const char         *findings,
                      GError            **error)
{
  static const char sql[] =
    "INSERT INTO spot_checks (base_id, date, method, inspector, findings) VALUES (?, ?, ?, ?, ?)";
  g_autofree char *who = g_strstrip (g_strdup (inspector ? inspector : ""));
  g_autofree char *what = g_strstrip (g_strdup (findings ? findings : ""));
  sqlite3_stmt *stmt;

  g_return_val_if_fail (date != NULL && g_date_valid (date), 0);
  g_return_val_if_fail (method <= SB_SPOT_CHECK_DOCUMENTS, 0);

  if (!sb_profile_check_acting_role (database, SB_ROLE_AUTHORITY, 37, error))
    return 0;
  if (*who == '\0' || *what == '\0')
    {
      g_set_error (error, SB_NOTICE_ERROR, SB_NOTICE_ERROR_INVALID,
                   _("A spot check needs the inspector and the findings (Art. 37)"));
      return 0;
    }

  stmt = sb_database_prepare (database, sql, error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, base_id);
  sb_bind_date (stmt, 2, date);
  sqlite3_bind_text (stmt, 3, spot_check_methods[method], -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, who, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 5, what, -1, SQLITE_TRANSIENT);
  if (!sb_database_step_done (database, stmt, error))
    return 0;

  return sqlite3_last_insert_rowid (sb_database_get_handle (database));
}

GPtrArray *
sb_spot_check_list_for_base (SbDatabase  *database,
                             gint64       base_id,
                             GError     **error)
{
  static const char sql[] =
    "SELECT id, date, method, inspector, findings FROM spot_checks"
    " WHERE base_id = ? ORDER BY date DESC, id DESC";
  g_autoptr(GPtrArray) checks = g_ptr_array_new_with_free_func ((GDestroyNotify) sb_spot_check_free);
  sqlite3_stmt *stmt;
  int rc;

  stmt = sb_database_prepare (database, sql, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, base_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      SbSpotCheck *check = g_new0 (SbSpotCheck, 1);

      check->id = sqlite3_column_int64 (stmt, 0);
      sb_column_get_date (stmt, 1, &check->date);
      check->method = g_strcmp0 ((const char *) sqlite3_column_text (stmt, 2), "documents") == 0
                      ? SB_SPOT_CHECK_DOCUMENTS : SB_SPOT_CHECK_ON_SITE;
      check->inspector = sb_column_dup_text (stmt, 3);
      check->findings = sb_column_dup_text (stmt, 4);
      g_ptr_array_add (checks, check);
    }
  if (!sb_database_finish_rows (database, stmt, rc, error))
    return NULL;

  return g_steal_pointer (&checks);
}

void
sb_spot_check_free (SbSpotCheck *check)
{
  if (check == NULL)
    return;

  g_free (check->inspector);
  g_free (check->findings);
  g_free (check);
}
