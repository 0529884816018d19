/* sb-review-panel.c: expert panels, their score sheets and the combined result
 *
 * The authority forms a panel from the expert pool for one review of a base:
 * the application (Art. 15), the mid-term evaluation (Art. 19), acceptance
 * (Art. 20) or an annual assessment (Art. 36).  An expert who works for the
 * lead unit or a co-applicant cannot sit on it: a review of one's own unit is
 * no review.  Each member fills one score sheet against the kind's rubric;
 * the panel's result is the mean of the totals, with their spread, and every
 * sheet is kept.
 */

#define G_LOG_DOMAIN "sb-review-panel"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "sb-date.h"
#include "sb-profile.h"
#include "sb-review-panel.h"

G_DEFINE_QUARK (sb-review-panel-error-quark, sb_review_panel_error)

/* The application against the conditions of Art. 11. */
static const SbCriterion expert_rubric[] = {
  { "standing", N_("Standing in the industry: research, innovation and services (Art. 11 (4))"), 25 },
  { "standards", N_("Standardisation staff, experience and standards led or joined (Art. 11 (3))"), 25 },
  { "support", N_("Support from the local government (Art. 11 (2))"), 15 },
  { "compliance", N_("No serious safety, quality, environmental or credit problems (Art. 11 (5))"), 10 },
  { "goals", N_("Construction goals, tasks and their feasibility"), 25 },
};

/* Progress against the construction plan. */
static const SbCriterion midterm_rubric[] = {
  { "progress", N_("Progress against the plan’s milestones"), 40 },
  { "outputs", N_("Standards and other outputs so far"), 30 },
  { "organisation", N_("Team, funding and organisation"), 30 },
};

/* The plan fulfilled. */
static const SbCriterion acceptance_rubric[] = {
  { "goals", N_("Goals and tasks of the construction plan achieved"), 40 },
  { "outputs", N_("Standards and services delivered"), 30 },
  { "operation", N_("Team, mechanisms and lasting operation"), 30 },
};

/* The three areas of Art. 36. */
static const SbCriterion annual_rubric[] = {
  { "service", N_("Service level and actual contribution"), 40 },
  { "team", N_("Team building and talent development"), 30 },
  { "cooperation", N_("Open cooperation and operation management"), 30 },
};

static const struct
{
  const char        *id;
  const char        *label;
  int                article;
  const SbCriterion *rubric;
  guint              n_criteria;
} kinds[SB_N_PANEL_KINDS] = {
  [SB_PANEL_KIND_EXPERT] = { "expert", N_("Expert review of the application"), 15,
                             expert_rubric, G_N_ELEMENTS (expert_rubric) },
  [SB_PANEL_KIND_MIDTERM] = { "midterm", N_("Mid-term evaluation"), 19,
                              midterm_rubric, G_N_ELEMENTS (midterm_rubric) },
  [SB_PANEL_KIND_ACCEPTANCE] = { "acceptance", N_("Acceptance evaluation"), 20,
                                 acceptance_rubric, G_N_ELEMENTS (acceptance_rubric) },
  [SB_PANEL_KIND_ANNUAL] = { "annual", N_("Annual assessment"), 36,
                             annual_rubric, G_N_ELEMENTS (annual_rubric) },
};

const char *
sb_panel_kind_to_string (SbPanelKind kind)
{
  g_return_val_if_fail (kind < SB_N_PANEL_KINDS, NULL);

  return kinds[kind].id;
}

const char *
sb_panel_kind_get_label (SbPanelKind kind)
{
  g_return_val_if_fail (kind < SB_N_PANEL_KINDS, NULL);

  return g_dgettext (GETTEXT_PACKAGE, kinds[kind].label);
}

int
sb_panel_kind_get_article (SbPanelKind kind)
{
  g_return_val_if_fail (kind < SB_N_PANEL_KINDS, 0);

  return kinds[kind].article;
}

const SbCriterion *
sb_panel_kind_get_rubric (SbPanelKind  kind,
                          guint       *n_criteria)
{
  g_return_val_if_fail (kind < SB_N_PANEL_KINDS, NULL);

  if (n_criteria != NULL)
    *n_criteria = kinds[kind].n_criteria;
  return kinds[kind].rubric;
}

static gboolean
panel_kind_from_string (const char  *text,
                        SbPanelKind *kind)
{
  for (SbPanelKind i = 0; i < SB_N_PANEL_KINDS; i++)
    if (g_strcmp0 (kinds[i].id, text) == 0)
      {
        *kind = i;
        return TRUE;
      }

  return FALSE;
}

/* The expert pool */

gint64
sb_expert_add (SbDatabase  *database,
               const char  *name,
               const char  *title,
               gint64       organisation_id,
               const char  *fields,
               GError     **error)
{
  static const char sql[] =
    "INSERT INTO experts (name, title, organisation_id, fields) VALUES (?, ?, ?, ?)";
  g_autofree char *trimmed = g_strstrip (g_strdup (name ? name : ""));
  sqlite3_stmt *stmt;

  if (!sb_profile_check_acting_role (database, SB_ROLE_AUTHORITY, 15, error))
    return 0;
  if (*trimmed == '\0')
    {
      g_set_error (error, SB_REVIEW_PANEL_ERROR, SB_REVIEW_PANEL_ERROR_INVALID,
                   _("An expert needs a name"));
      return 0;
    }

  stmt = sb_database_prepare (database, sql, error);
  if (stmt == NULL)
    return 0;

  sqlite3_bind_text (stmt, 1, trimmed, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, title ? title : "", -1, SQLITE_TRANSIENT);
  if (organisation_id > 0)
    sqlite3_bind_int64 (stmt, 3, organisation_id);
  else
    sqlite3_bind_null (stmt, 3);
  sqlite3_bind_text (stmt, 4, fields ? fields : "", -1, SQLITE_TRANSIENT);

  if (!sb_database_step_done (database, stmt, error))
    return 0;

  return sqlite3_last_insert_rowid (sb_database_get_handle (database));
}

GPtrArray *
sb_expert_list (SbDatabase  *database,
                GError     **error)
{
  static const char sql[] =
    "SELECT e.id, e.name, e.title, IFNULL (e.organisation_id, 0), o.name, e.fields"
    " FROM experts e LEFT JOIN organisations o ON o.id = e.organisation_id"
    " ORDER BY e.name, e.id";
  g_autoptr(GPtrArray) experts = g_ptr_array_new_with_free_func ((GDestroyNotify) sb_expert_free);
  sqlite3_stmt *stmt;
  int rc;

  stmt = sb_database_prepare (database, sql, error);
  if (stmt == NULL)
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      SbExpert *expert = g_new0 (SbExpert, 1);

      expert->id = sqlite3_column_int64 (stmt, 0);
      expert->name = sb_column_dup_text (stmt, 1);
      expert->title = sb_column_dup_text (stmt, 2);
      expert->organisation_id = sqlite3_column_int64 (stmt, 3);
      expert->organisation_name = sb_column_dup_text (stmt, 4);
      expert->fields = sb_column_dup_text (stmt, 5);
      g_ptr_array_add (experts, expert);
    }
  if (!sb_database_finish_rows (database, stmt, rc, error))
    return NULL;

  return g_steal_pointer (&experts);
}

/* Panels */

/* Refuses an expert who works for the base's lead unit or a co-applicant. */
gboolean
sb_panel_check_expert (SbDatabase  *database,
                       gint64       base_id,
                       gint64       expert_id,
                       GError     **error)
{
  static const char sql[] =
    "SELECT e.name, o.name"
    " FROM experts e JOIN organisations o ON o.id = e.organisation_id"
    " WHERE e.id = ?2 AND (o.id = (SELECT lead_unit_id FROM bases WHERE id = ?1)"
    "  OR o.id IN (SELECT organisation_id FROM base_units"
    "   WHERE base_id = ?1 AND role = 'co_applicant'))";
  static const char exists_sql[] = "SELECT count(*) FROM experts WHERE id = ?";
  g_autofree char *expert = NULL;
  g_autofree char *unit = NULL;
  sqlite3_stmt *stmt;
  int exists = 0;
  int rc;

  stmt = sb_database_prepare (database, exists_sql, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, expert_id);
  if ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    exists = sqlite3_column_int (stmt, 0);
  if (!sb_database_finish_rows (database, stmt, rc == SQLITE_ROW ? SQLITE_DONE : rc, error))
    return FALSE;
  if (!exists)
    {
      g_set_error (error, SB_REVIEW_PANEL_ERROR, SB_REVIEW_PANEL_ERROR_NOT_FOUND,
                   _("The expert is not in the expert pool"));
      return FALSE;
    }

  stmt = sb_database_prepare (database, sql, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, base_id);
  sqlite3_bind_int64 (stmt, 2, expert_id);
  if ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      expert = sb_column_dup_text (stmt, 0);
      unit = sb_column_dup_text (stmt, 1);
    }
  if (!sb_database_finish_rows (database, stmt, rc == SQLITE_ROW ? SQLITE_DONE : rc, error))
    return FALSE;

  if (expert != NULL)
    {
      g_set_error (error, SB_REVIEW_PANEL_ERROR, SB_REVIEW_PANEL_ERROR_CONFLICT,
                   _("%s works for %s, a unit of this application, and cannot review it (Art. 15)"),
                   expert, unit);
      return FALSE;
    }

  return TRUE;
}

gint64
sb_panel_form (SbDatabase    *database,
               gint64         base_id,
               SbPanelKind    kind,
               const GDate   *date,
               const gint64  *expert_ids,
               guint          n_experts,
               GError       **error)
{
  static const char panel_sql[] =
    "INSERT INTO panels (base_id, kind, year, formed_date) VALUES (?, ?, ?, ?)";
  static const char member_sql[] =
    "INSERT INTO panel_members (panel_id, expert_id) VALUES (?, ?)";
  sqlite3_stmt *stmt;
  gint64 panel_id;

  g_return_val_if_fail (kind < SB_N_PANEL_KINDS, 0);
  g_return_val_if_fail (date != NULL && g_date_valid (date), 0);

  if (!sb_profile_check_acting_role (database, SB_ROLE_AUTHORITY, kinds[kind].article, error))
    return 0;
  /* Three at least: one opinion is not a panel's. */
  if (n_experts < 3)
    {
      g_set_error (error, SB_REVIEW_PANEL_ERROR, SB_REVIEW_PANEL_ERROR_INVALID,
                   _("A panel needs at least 3 experts, not %u"), n_experts);
      return 0;
    }
  for (guint i = 0; i < n_experts; i++)
    for (guint j = 0; j < i; j++)
      if (expert_ids[i] == expert_ids[j])
        {
          g_set_error (error, SB_REVIEW_PANEL_ERROR, SB_REVIEW_PANEL_ERROR_INVALID,
                       _("An expert can sit on a panel only once"));
          return 0;
        }
  for (guint i = 0; i < n_experts; i++)
    if (!sb_panel_check_expert (database, base_id, expert_ids[i], error))
      return 0;

  if (!sb_database_begin (database, error))
    return 0;

  stmt = sb_database_prepare (database, panel_sql, error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_int64 (stmt, 1, base_id);
  sqlite3_bind_text (stmt, 2, kinds[kind].id, -1, SQLITE_STATIC);
  if (kind == SB_PANEL_KIND_ANNUAL)
    sqlite3_bind_int (stmt, 3, g_date_get_year (date) - 1);
  else
    sqlite3_bind_null (stmt, 3);
  sb_bind_date (stmt, 4, date);
  if (!sb_database_step_done (database, stmt, error))
    goto failed;
  panel_id = sqlite3_last_insert_rowid (sb_database_get_handle (database));

  for (guint i = 0; i < n_experts; i++)
    {
      stmt = sb_database_prepare (database, member_sql, error);
      if (stmt == NULL)
        goto failed;
      sqlite3_bind_int64 (stmt, 1, panel_id);
      sqlite3_bind_int64 (stmt, 2, expert_ids[i]);
      if (!sb_database_step_done (database, stmt, error))
        goto failed;
    }

  if (!sb_database_commit (database, error))
    return 0;
  return panel_id;

failed:
  sb_database_rollback (database);
  return 0;
}

static GPtrArray *
list_panels (SbDatabase  *database,
             const char  *sql,
             gint64       base_id,
             GError     **error)
{
  static const char sheets_sql[] =
    "SELECT e.id, e.name, r.id IS NOT NULL,"
    " (SELECT IFNULL (sum (score), 0) FROM review_scores WHERE review_id = r.id), r.opinion"
    " FROM panel_members m JOIN experts e ON e.id = m.expert_id"
    " LEFT JOIN reviews r ON r.panel_id = m.panel_id AND r.expert_id = m.expert_id"
    " WHERE m.panel_id = ? ORDER BY e.name, e.id";
  g_autoptr(GPtrArray) panels = g_ptr_array_new_with_free_func ((GDestroyNotify) sb_panel_free);
  sqlite3_stmt *stmt;
  int rc;

  stmt = sb_database_prepare (database, sql, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, base_id);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      SbPanel *panel = g_new0 (SbPanel, 1);

      panel->id = sqlite3_column_int64 (stmt, 0);
      panel->base_id = sqlite3_column_int64 (stmt, 1);
      if (!panel_kind_from_string ((const char *) sqlite3_column_text (stmt, 2), &panel->kind))
        panel->kind = SB_PANEL_KIND_EXPERT;
      sb_column_get_date (stmt, 3, &panel->formed);
      panel->sheets = g_ptr_array_new ();   /* sb_panel_free frees the sheets */
      g_ptr_array_add (panels, panel);
    }
  if (!sb_database_finish_rows (database, stmt, rc, error))
    return NULL;

  /* The members and their sheets, once the panels are read: one statement
   * at a time on this connection. */
  for (guint i = 0; i < panels->len; i++)
    {
      SbPanel *panel = g_ptr_array_index (panels, i);

      stmt = sb_database_prepare (database, sheets_sql, error);
      if (stmt == NULL)
        return NULL;
      sqlite3_bind_int64 (stmt, 1, panel->id);
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          SbPanelSheet *sheet = g_new0 (SbPanelSheet, 1);

          sheet->expert_id = sqlite3_column_int64 (stmt, 0);
          sheet->expert_name = sb_column_dup_text (stmt, 1);
          sheet->submitted = sqlite3_column_int (stmt, 2);
          sheet->total = sqlite3_column_double (stmt, 3);
          sheet->opinion = sb_column_dup_text (stmt, 4);
          g_ptr_array_add (panel->sheets, sheet);
        }
      if (!sb_database_finish_rows (database, stmt, rc, error))
        return NULL;
    }

  return g_steal_pointer (&panels);
}

GPtrArray *
sb_panel_list_for_base (SbDatabase  *database,
                        gint64       base_id,
                        GError     **error)
{
  static const char sql[] =
    "SELECT id, base_id, kind, formed_date FROM panels WHERE base_id = ? ORDER BY id";

  return list_panels (database, sql, base_id, error);
}

gboolean
sb_panel_submit_sheet (SbDatabase         *database,
                       gint64              panel_id,
                       gint64              expert_id,
                       const GDate        *date,
                       const double       *scores,
                       const char * const *comments,
                       const char         *opinion,
                       GError            **error)
{
  static const char panel_sql[] =
    "SELECT p.base_id, p.kind, e.name,"
    " (SELECT count(*) FROM reviews WHERE panel_id = p.id AND expert_id = e.id)"
    " FROM panels p JOIN panel_members m ON m.panel_id = p.id"
    " JOIN experts e ON e.id = m.expert_id WHERE p.id = ? AND e.id = ?";
  static const char review_sql[] =
    "INSERT INTO reviews (base_id, kind, reviewer, date, opinion, panel_id, expert_id)"
    " VALUES (?, ?, ?, ?, ?, ?, ?)";
  static const char score_sql[] =
    "INSERT INTO review_scores (review_id, criterion, score, max_score, comment)"
    " VALUES (?, ?, ?, ?, ?)";
  g_autofree char *expert_name = NULL;
  g_autofree char *kind_text = NULL;
  g_autofree char *trimmed = g_strstrip (g_strdup (opinion ? opinion : ""));
  const SbCriterion *rubric;
  SbPanelKind kind = SB_PANEL_KIND_EXPERT;
  guint n_criteria;
  gint64 base_id = 0;
  gint64 review_id;
  int already = 0;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (date != NULL && g_date_valid (date), FALSE);
  g_return_val_if_fail (scores != NULL, FALSE);

  if (!sb_profile_check_acting_role (database, SB_ROLE_EXPERT, 15, error))
    return FALSE;
  stmt = sb_database_prepare (database, panel_sql, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, panel_id);
  sqlite3_bind_int64 (stmt, 2, expert_id);
  if ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      base_id = sqlite3_column_int64 (stmt, 0);
      kind_text = sb_column_dup_text (stmt, 1);
      expert_name = sb_column_dup_text (stmt, 2);
      already = sqlite3_column_int (stmt, 3);
    }
  if (!sb_database_finish_rows (database, stmt, rc == SQLITE_ROW ? SQLITE_DONE : rc, error))
    return FALSE;

  if (expert_name == NULL)
    {
      g_set_error (error, SB_REVIEW_PANEL_ERROR, SB_REVIEW_PANEL_ERROR_NOT_FOUND,
                   _("Only a member of the panel can fill in its score sheet"));
      return FALSE;
    }
  if (already > 0)
    {
      g_set_error (error, SB_REVIEW_PANEL_ERROR, SB_REVIEW_PANEL_ERROR_INVALID,
                   _("%s has already handed in a score sheet to this panel"), expert_name);
      return FALSE;
    }
  panel_kind_from_string (kind_text, &kind);
  rubric = sb_panel_kind_get_rubric (kind, &n_criteria);

  for (guint i = 0; i < n_criteria; i++)
    if (!(scores[i] >= 0 && scores[i] <= rubric[i].max_score))
      {
        g_set_error (error, SB_REVIEW_PANEL_ERROR, SB_REVIEW_PANEL_ERROR_INVALID,
                     _("“%s” is scored from 0 to %g, not %g"),
                     g_dgettext (GETTEXT_PACKAGE, rubric[i].label), rubric[i].max_score, scores[i]);
        return FALSE;
      }
  if (*trimmed == '\0')
    {
      g_set_error (error, SB_REVIEW_PANEL_ERROR, SB_REVIEW_PANEL_ERROR_INVALID,
                   _("A score sheet needs the expert’s opinion (Art. %d)"), kinds[kind].article);
      return FALSE;
    }

  if (!sb_database_begin (database, error))
    return FALSE;

  stmt = sb_database_prepare (database, review_sql, error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_int64 (stmt, 1, base_id);
  /* reviews.kind names the review; the annual assessment's sheets are
   * expert reviews of the base's year. */
  sqlite3_bind_text (stmt, 2, kind == SB_PANEL_KIND_ANNUAL ? "expert" : kinds[kind].id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, expert_name, -1, SQLITE_TRANSIENT);
  sb_bind_date (stmt, 4, date);
  sqlite3_bind_text (stmt, 5, trimmed, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 6, panel_id);
  sqlite3_bind_int64 (stmt, 7, expert_id);
  if (!sb_database_step_done (database, stmt, error))
    goto failed;
  review_id = sqlite3_last_insert_rowid (sb_database_get_handle (database));

  for (guint i = 0; i < n_criteria; i++)
    {
      stmt = sb_database_prepare (database, score_sql, error);
      if (stmt == NULL)
        goto failed;
      sqlite3_bind_int64 (stmt, 1, review_id);
      sqlite3_bind_text (stmt, 2, rubric[i].id, -1, SQLITE_STATIC);
      sqlite3_bind_double (stmt, 3, scores[i]);
      sqlite3_bind_double (stmt, 4, rubric[i].max_score);
      sqlite3_bind_text (stmt, 5, comments && comments[i] ? comments[i] : "", -1, SQLITE_TRANSIENT);
      if (!sb_database_step_done (database, stmt, error))
        goto failed;
    }

  return sb_database_commit (database, error);

failed:
  sb_database_rollback (database);
  return FALSE;
}

/* Mean, range and standard deviation of the handed-in totals. */
void
sb_panel_scores_compute (const double  *totals,
                         guint          n_totals,
                         guint          n_members,
                         SbPanelScores *scores)
{
  double sum = 0, squares = 0;

  memset (scores, 0, sizeof *scores);
  scores->n_sheets = n_totals;
  scores->n_members = n_members;
  if (n_totals == 0)
    return;

  scores->min = scores->max = totals[0];
  for (guint i = 0; i < n_totals; i++)
    {
      sum += totals[i];
      scores->min = MIN (scores->min, totals[i]);
      scores->max = MAX (scores->max, totals[i]);
    }
  scores->mean = sum / n_totals;
  for (guint i = 0; i < n_totals; i++)
    squares += (totals[i] - scores->mean) * (totals[i] - scores->mean);
  scores->std_dev = sqrt (squares / n_totals);
  scores->spread = scores->max - scores->min;
}

gboolean
sb_panel_combine (SbDatabase     *database,
                  gint64          panel_id,
                  SbPanelScores  *scores,
                  GError        **error)
{
  static const char sql[] =
    "SELECT (SELECT count(*) FROM panel_members WHERE panel_id = ?1),"
    " (SELECT sum (s.score) FROM review_scores s WHERE s.review_id = r.id)"
    " FROM reviews r WHERE r.panel_id = ?1 ORDER BY r.id";
  g_autoptr(GArray) totals = g_array_new (FALSE, FALSE, sizeof (double));
  sqlite3_stmt *stmt;
  guint n_members = 0;
  int rc;

  stmt = sb_database_prepare (database, sql, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, panel_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      double total = sqlite3_column_double (stmt, 1);

      n_members = sqlite3_column_int (stmt, 0);
      g_array_append_val (totals, total);
    }
  if (!sb_database_finish_rows (database, stmt, rc, error))
    return FALSE;

  sb_panel_scores_compute ((const double *) totals->data, totals->len, n_members, scores);
  return TRUE;
}

void
sb_expert_free (SbExpert *expert)
{
  if (expert == NULL)
    return;

  g_free (expert->name);
  g_free (expert->title);
  g_free (expert->organisation_name);
  g_free (expert->fields);
  g_free (expert);
}

static void
panel_sheet_free (SbPanelSheet *sheet)
{
  g_free (sheet->expert_name);
  g_free (sheet->opinion);
  g_free (sheet);
}

void
sb_panel_free (SbPanel *panel)
{
  if (panel == NULL)
    return;

  if (panel->sheets != NULL)
    {
      for (guint i = 0; i < panel->sheets->len; i++)
        panel_sheet_free (g_ptr_array_index (panel->sheets, i));
      g_ptr_array_unref (panel->sheets);
    }
  g_free (panel);
}
