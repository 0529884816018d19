/* test-window.c: the first window, driven under Xvfb
 */
#include "config.h"

#include <glib/gstdio.h>
#include <adwaita.h>
#include <cairo-pdf.h>
#include <sqlite3.h>

#include "sb-date.h"
#include "sb-demo.h"
#include "sb-profile.h"
#include "sb-programme.h"
#include "sb-base.h"
#include "sb-base-list-filter.h"
#include "sb-base-page.h"
#include "sb-bases-view.h"
#include "sb-chart-view.h"
#include "sb-formal-review-dialog.h"
#include "sb-midterm-wizard.h"
#include "sb-panel-dialog.h"
#include "sb-profile-dialog.h"
#include "sb-score-sheet-dialog.h"
#include "sb-spot-check-dialog.h"
#include "sb-step-dialog.h"
#include "sb-window.h"
#include "sb-wizard.h"

static GtkApplication *application;

typedef struct
{
  char *dir;
  char *path;
  GDate today;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("test-window-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->dir, "programme.db", NULL);
  g_date_clear (&fixture->today, 1);
  g_date_set_dmy (&fixture->today, 27, 11, 2026);
}

/* A folder and all it holds: the database and its document store. */
static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      remove_tree (child);
    }
  if (g_rmdir (path) != 0)
    g_unlink (path);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  remove_tree (fixture->dir);
  g_free (fixture->path);
  g_free (fixture->dir);
}

static void
fill_demo (Fixture *fixture,
           guint    count)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SbProgramme) programme = NULL;

  programme = sb_programme_open (fixture->path, SB_DATABASE_OPEN_FLAGS_CREATE, &error);
  g_assert_no_error (error);
  sb_demo_fill (sb_programme_get_store (programme), count, 7, &fixture->today, &error);
  g_assert_no_error (error);
}

/* The window reads off the main thread: spin until it shows a result. */
static void
wait_until_loaded (SbWindow *window)
{
  gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

  while (g_strcmp0 (sb_window_get_page_name (window), "loading") == 0)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, TRUE);
    }
}

static SbWindow *
open_window (Fixture *fixture)
{
  SbWindow *window = sb_window_new (application, fixture->path, &fixture->today);

  gtk_window_present (GTK_WINDOW (window));
  wait_until_loaded (window);
  return window;
}

static void
test_lists_bases (Fixture       *fixture,
                  gconstpointer  data)
{
  SbWindow *window;
  GListModel *bases;
  g_autoptr(GObject) first = NULL;
  g_autofree char *name = NULL;
  g_autofree char *state = NULL;

  fill_demo (fixture, 30);
  window = open_window (fixture);

  g_assert_cmpstr (sb_window_get_page_name (window), ==, "content");
  bases = sb_window_get_bases (window);
  g_assert_cmpuint (g_list_model_get_n_items (bases), ==, 30);

  /* The demo's first base is a draft: its name is the one it applies for. */
  first = g_list_model_get_item (bases, 0);
  g_object_get (first, "name", &name, "state-label", &state, NULL);
  g_assert_true (g_str_has_prefix (name, "山西省技术标准创新基地（"));
  g_assert_cmpstr (state, !=, "");

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_empty_then_demo (Fixture       *fixture,
                      gconstpointer  data)
{
  SbWindow *window = open_window (fixture);

  g_assert_cmpstr (sb_window_get_page_name (window), ==, "empty");
  g_assert_cmpuint (g_list_model_get_n_items (sb_window_get_bases (window)), ==, 0);

  /* The empty state's button loads the demonstration programme. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.load-demo", NULL));
  wait_until_loaded (window);
  g_assert_cmpstr (sb_window_get_page_name (window), ==, "content");
  g_assert_cmpuint (g_list_model_get_n_items (sb_window_get_bases (window)), ==,
                    SB_DEMO_DEFAULT_COUNT);

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_error_page (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  SbWindow *window;

  g_file_set_contents (fixture->path, "this is a shopping list, not a database\n", -1, &error);
  g_assert_no_error (error);
  g_file_get_contents (fixture->path, &before, NULL, NULL);

  window = open_window (fixture);
  g_assert_cmpstr (sb_window_get_page_name (window), ==, "error");

  /* The file the user pointed at is left as it was. */
  g_file_get_contents (fixture->path, &after, NULL, NULL);
  g_assert_cmpstr (before, ==, after);

  gtk_window_destroy (GTK_WINDOW (window));
}

static guint
count_charts_with_data (GtkWidget *root)
{
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (SB_IS_CHART_VIEW (child))
        n += sb_chart_view_get_data (SB_CHART_VIEW (child)) != NULL;
      else
        n += count_charts_with_data (child);
    }

  return n;
}

/* The first eighteen demo bases are one of each scenario the demo plays,
 * in this order: draft, submitted, returned, recommended, formally and
 * expert reviewed (6 applying), rejected, preparing (1), before and after
 * mid-term, acceptance window, extension requested, extended, acceptance
 * requested, rectifying (7 under construction), established and
 * rectifying after an assessment (2 established), revoked (1).
 */
static void
test_dashboard_figures (Fixture       *fixture,
                        gconstpointer  data)
{
  SbWindow *window;
  SbDashboardView *dashboard;
  gint64 deadline;

  fill_demo (fixture, 18);
  window = open_window (fixture);
  g_assert_cmpstr (sb_window_get_page_name (window), ==, "content");

  dashboard = sb_window_get_dashboard (window);
  g_assert_cmpstr (sb_dashboard_view_get_figure (dashboard, "applying"), ==, "6");
  g_assert_cmpstr (sb_dashboard_view_get_figure (dashboard, "preparing"), ==, "1");
  g_assert_cmpstr (sb_dashboard_view_get_figure (dashboard, "constructing"), ==, "7");
  g_assert_cmpstr (sb_dashboard_view_get_figure (dashboard, "established"), ==, "2");
  g_assert_cmpstr (sb_dashboard_view_get_figure (dashboard, "revoked"), ==, "1");
  g_assert_null (sb_dashboard_view_get_figure (dashboard, "no-such-figure"));

  /* One card for each of the twelve domains of Art. 3. */
  g_assert_cmpuint (sb_dashboard_view_get_n_domains (dashboard), ==, 12);

  /* The five charts come just after the first frame, with their figures. */
  deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  while (count_charts_with_data (GTK_WIDGET (dashboard)) < 5)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (1000);
    }
  g_assert_cmpuint (count_charts_with_data (GTK_WIDGET (dashboard)), ==, 5);

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_domain_card_filters (Fixture       *fixture,
                          gconstpointer  data)
{
  SbWindow *window;
  GListModel *visible;
  guint expected = 0;

  fill_demo (fixture, 72);
  window = open_window (fixture);

  for (guint i = 0; i < g_list_model_get_n_items (sb_window_get_bases (window)); i++)
    {
      g_autoptr(SbBase) base = g_list_model_get_item (sb_window_get_bases (window), i);

      if (g_strcmp0 (sb_base_get_domain_code (base), "semiconductors") == 0)
        expected++;
    }
  g_assert_cmpuint (expected, >, 0);

  g_assert_cmpstr (sb_window_get_section (window), ==, "dashboard");
  g_assert_true (sb_dashboard_view_activate_domain (sb_window_get_dashboard (window), "semiconductors"));
  g_assert_cmpstr (sb_window_get_section (window), ==, "bases");

  visible = sb_bases_view_get_visible_bases (sb_window_get_bases_view (window));
  g_assert_cmpuint (g_list_model_get_n_items (visible), ==, expected);
  for (guint i = 0; i < g_list_model_get_n_items (visible); i++)
    {
      g_autoptr(SbBase) base = g_list_model_get_item (visible, i);

      g_assert_cmpstr (sb_base_get_domain_code (base), ==, "semiconductors");
    }

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Closing the window while its worker still reads: the task keeps the
 * window alive until its result has been shown, then it goes quietly. */
static void
test_close_while_loading (Fixture       *fixture,
                          gconstpointer  data)
{
  SbWindow *window;
  gint64 until;

  fill_demo (fixture, 300);
  window = sb_window_new (application, fixture->path, &fixture->today);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_cmpstr (sb_window_get_page_name (window), ==, "loading");
  gtk_window_destroy (GTK_WINDOW (window));

  until = g_get_monotonic_time () + 2 * G_USEC_PER_SEC;
  while (g_get_monotonic_time () < until)
    g_main_context_iteration (NULL, FALSE);
}

/* Profiles and steps */

static GtkWindow *
find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return window;
    }

  return NULL;
}

/* The first descendant of @root of @type whose title (a preferences row)
 * or label (a button) is @text; any of @type when @text is NULL. */
static GtkWidget *
find_descendant (GtkWidget  *root,
                 GType       type,
                 const char *text)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (G_TYPE_CHECK_INSTANCE_TYPE (child, type)
          && (text == NULL
              || (ADW_IS_PREFERENCES_ROW (child)
                  && g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (child)), text) == 0)
              || (GTK_IS_BUTTON (child)
                  && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (child)), text) == 0)))
        return child;
      if ((found = find_descendant (child, type, text)) != NULL)
        return found;
    }

  return NULL;
}

/* The window opens on its dashboard alone: the other sections, and the
 * shortcuts window, are built when they are asked for. */
static void
test_sections_built_when_shown (Fixture       *fixture,
                                gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new ("org.shanxi.StdBase");
  GLogLevelFlags fatal_mask;
  SbWindow *window;
  GtkWindow *shortcuts;

  /* The tests before left it on another section. */
  g_settings_set_string (settings, "last-section", "dashboard");
  fill_demo (fixture, 18);
  window = open_window (fixture);
  g_assert_cmpstr (sb_window_get_section (window), ==, "dashboard");
  g_assert_null (find_descendant (GTK_WIDGET (window), SB_TYPE_BASES_VIEW, NULL));
  g_assert_null (find_descendant (GTK_WIDGET (window), SB_TYPE_TIMELINE_SECTION, NULL));
  g_assert_null (find_descendant (GTK_WIDGET (window), SB_TYPE_CERTIFICATES_VIEW, NULL));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.section", "s", "certificates"));
  g_assert_nonnull (find_descendant (GTK_WIDGET (window), SB_TYPE_CERTIFICATES_VIEW, NULL));
  g_assert_null (find_descendant (GTK_WIDGET (window), SB_TYPE_BASES_VIEW, NULL));

  /* The Bases list, once built, has what the window read. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.section", "s", "bases"));
  g_assert_true (find_descendant (GTK_WIDGET (window), SB_TYPE_BASES_VIEW, NULL)
                 == GTK_WIDGET (sb_window_get_bases_view (window)));
  g_assert_cmpuint (g_list_model_get_n_items (sb_bases_view_get_visible_bases (sb_window_get_bases_view (window))),
                    ==, 18);

  g_assert_null (find_toplevel (GTK_TYPE_SHORTCUTS_WINDOW));
  /* GTK 4.8's shortcuts window measures a label of its own at -3 pixels:
   * a GTK warning, not the window's, so not fatal here. */
  fatal_mask = g_log_set_always_fatal (G_LOG_FATAL_MASK | G_LOG_LEVEL_CRITICAL);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay", NULL));
  shortcuts = find_toplevel (GTK_TYPE_SHORTCUTS_WINDOW);
  g_assert_nonnull (shortcuts);
  g_assert_true (gtk_window_get_transient_for (shortcuts) == GTK_WINDOW (window));
  gtk_window_destroy (shortcuts);
  g_log_set_always_fatal (fatal_mask);

  gtk_window_destroy (GTK_WINDOW (window));
}

static gint64
count_rows (Fixture    *fixture,
            const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 count;

  g_assert_cmpint (sqlite3_open_v2 (fixture->path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  count = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  return count;
}

/* A deadline in a year the statutory calendar lacks cannot be computed:
 * the dashboard says how many and why, until the year is imported. */
static void
test_uncomputable_deadlines_notice (Fixture       *fixture,
                                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *bad = NULL;
  g_autofree char *good = NULL;
  SbWindow *window;
  sqlite3 *db = NULL;

  fill_demo (fixture, 18);
  window = open_window (fixture);
  g_assert_null (sb_dashboard_view_get_figure (sb_window_get_dashboard (window), "unknown"));
  gtk_window_destroy (GTK_WINDOW (window));

  /* Approved a week ago, the preparing base's plan is due 30 working days
   * later, in January 2027 (Art. 16). */
  g_assert_cmpint (sqlite3_open (fixture->path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "UPDATE bases SET approval_date = '2026-11-20'"
                                     " WHERE state = 'preparing'", NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_changes (db), ==, 1);
  sqlite3_close (db);

  window = open_window (fixture);
  g_assert_cmpstr (sb_dashboard_view_get_figure (sb_window_get_dashboard (window), "unknown"),
                   ==, "1 deadline cannot be computed");
  g_assert_true (gtk_widget_get_sensitive (find_descendant (GTK_WIDGET (sb_window_get_dashboard (window)),
                                                            GTK_TYPE_BUTTON, "_Import Calendar…")));

  /* Not while the programme is being read. */
  good = g_build_filename (fixture->dir, "2027.ini", NULL);
  g_assert_true (g_file_set_contents (good, "[2027]\nholidays=2027-01-01..2027-01-03\n", -1, NULL));
  sb_window_reload (window);
  g_assert_false (sb_window_import_calendar (window, good, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_BUSY);
  g_clear_error (&error);
  wait_until_loaded (window);

  /* A file that is not a calendar is refused in words, and changes nothing. */
  bad = g_build_filename (fixture->dir, "bad.ini", NULL);
  g_assert_true (g_file_set_contents (bad, "[2027]\nholidays=2027-13-01\n", -1, NULL));
  g_assert_false (sb_window_import_calendar (window, bad, &error));
  g_assert_nonnull (error);
  g_assert_cmpstr (error->message, !=, "");
  g_clear_error (&error);
  g_assert_nonnull (sb_dashboard_view_get_figure (sb_window_get_dashboard (window), "unknown"));

  /* Importing the year (test data, not the real arrangement) computes it. */
  g_assert_true (sb_window_import_calendar (window, good, &error));
  g_assert_no_error (error);
  wait_until_loaded (window);
  g_assert_null (sb_dashboard_view_get_figure (sb_window_get_dashboard (window), "unknown"));

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_profiles_and_steps (Fixture       *fixture,
                         gconstpointer  data)
{
  SbWindow *window;
  GtkWindow *dialog;
  GtkWidget *row;
  SbBasesView *view;
  SbBasePage *page;
  g_autoptr(SbBase) draft = NULL;
  GtkWidget *steps;

  fill_demo (fixture, 30);
  window = open_window (fixture);
  view = sb_window_get_bases_view (window);
  page = sb_bases_view_get_base_page (view);

  /* The demonstration opens as the authority, who sees every base. */
  g_assert_cmpuint (g_list_model_get_n_items (sb_window_get_bases (window)), ==, 30);

  /* Switch to the applicant: only its unit's bases are left. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.profiles", NULL));
  dialog = find_toplevel (SB_TYPE_PROFILE_DIALOG);
  g_assert_nonnull (dialog);
  row = find_descendant (GTK_WIDGET (dialog), ADW_TYPE_ACTION_ROW, "陈刚");
  g_assert_nonnull (row);
  g_signal_emit_by_name (gtk_widget_get_parent (row), "row-activated", row);
  g_assert_cmpstr (sb_window_get_page_name (window), ==, "loading");
  wait_until_loaded (window);
  g_assert_cmpuint (g_list_model_get_n_items (sb_window_get_bases (window)), ==,
                    count_rows (fixture, "SELECT count(*) FROM bases WHERE lead_unit_id ="
                                         " (SELECT organisation_id FROM profiles WHERE name = '陈刚')"
                                         " OR id IN (SELECT base_id FROM base_units WHERE organisation_id ="
                                         " (SELECT organisation_id FROM profiles WHERE name = '陈刚'))"));
  g_assert_cmpuint (g_list_model_get_n_items (sb_window_get_bases (window)), <, 30);

  /* The statutory calendar is not the applicant's to change. */
  g_assert_false (gtk_widget_get_sensitive (find_descendant (GTK_WIDGET (sb_window_get_dashboard (window)),
                                                             GTK_TYPE_BUTTON, "_Import Calendar…")));

  /* The applicant's draft offers the applicant's step, submitting, and no
   * step of the authority's. */
  draft = g_list_model_get_item (sb_window_get_bases (window), 0);
  g_assert_cmpint (sb_base_get_state (draft), ==, SB_BASE_STATE_DRAFT);
  sb_bases_view_show_base (view, sb_base_get_id (draft));
  while (sb_base_page_get_base (page) == NULL)
    g_main_context_iteration (NULL, TRUE);
  steps = GTK_WIDGET (page);
  g_assert_nonnull (find_descendant (steps, ADW_TYPE_ACTION_ROW, sb_action_get_label (SB_ACTION_SUBMIT)));
  g_assert_null (find_descendant (steps, ADW_TYPE_ACTION_ROW, sb_action_get_label (SB_ACTION_REVOKE)));

  /* Submitting through the step dialog records it as the applicant. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "base.take-step", "i",
                                             (gint32) SB_ACTION_SUBMIT));
  dialog = find_toplevel (SB_TYPE_STEP_DIALOG);
  g_assert_nonnull (dialog);
  g_signal_emit_by_name (find_descendant (GTK_WIDGET (dialog), GTK_TYPE_BUTTON, "_Record"), "clicked");
  g_assert_null (find_toplevel (SB_TYPE_STEP_DIALOG));
  wait_until_loaded (window);

  g_assert_cmpint (count_rows (fixture, "SELECT count(*) FROM transitions WHERE action = 'submit'"
                                        " AND actor = '陈刚' AND role = 'applicant'"), ==, 1);
  g_assert_cmpint (count_rows (fixture, "SELECT count(*) FROM audit_log WHERE entity = 'transitions'"
                                        " AND actor = '陈刚' AND role = 'applicant'"), ==, 1);

  gtk_window_destroy (GTK_WINDOW (window));
}

static SbBase *
first_base_in_state (SbWindow    *window,
                     SbBaseState  state)
{
  GListModel *bases = sb_window_get_bases (window);

  for (guint i = 0; i < g_list_model_get_n_items (bases); i++)
    {
      g_autoptr(SbBase) base = g_list_model_get_item (bases, i);

      if (sb_base_get_state (base) == state)
        return g_steal_pointer (&base);
    }

  return NULL;
}

static void
show_base (SbWindow *window,
           SbBase   *base)
{
  SbBasesView *view = sb_window_get_bases_view (window);
  SbBasePage *page = sb_bases_view_get_base_page (view);

  sb_bases_view_show_base (view, sb_base_get_id (base));
  while (sb_base_page_get_base (page) == NULL
         || sb_base_get_id (sb_base_page_get_base (page)) != sb_base_get_id (base))
    g_main_context_iteration (NULL, TRUE);
}

static void
choose_profile (SbWindow   *window,
                const char *name)
{
  GtkWindow *dialog;
  GtkWidget *row;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.profiles", NULL));
  dialog = find_toplevel (SB_TYPE_PROFILE_DIALOG);
  g_assert_nonnull (dialog);
  row = find_descendant (GTK_WIDGET (dialog), ADW_TYPE_ACTION_ROW, name);
  g_assert_nonnull (row);
  g_signal_emit_by_name (gtk_widget_get_parent (row), "row-activated", row);
  wait_until_loaded (window);
}

/* The authority forms a panel; an expert on a panel hands in a sheet. */
static void
test_panel_and_score_sheet (Fixture       *fixture,
                            gconstpointer  data)
{
  SbWindow *window;
  SbBasePage *page;
  GtkWindow *dialog;
  GtkWidget *row;
  g_autoptr(SbBase) established = NULL;
  g_autoptr(SbBase) waiting = NULL;
  g_autofree char *sql = NULL;
  gint64 panel, expert;

  fill_demo (fixture, 72);
  window = open_window (fixture);
  page = sb_bases_view_get_base_page (sb_window_get_bases_view (window));

  /* As the authority: an established base's annual assessment panel. */
  established = first_base_in_state (window, SB_BASE_STATE_ESTABLISHED);
  g_assert_nonnull (established);
  show_base (window, established);
  row = find_descendant (GTK_WIDGET (page), ADW_TYPE_ACTION_ROW, "Form a panel: Annual assessment");
  g_assert_nonnull (row);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "base.form-panel", "i",
                                             (gint32) SB_PANEL_KIND_ANNUAL));
  dialog = find_toplevel (SB_TYPE_PANEL_DIALOG);
  g_assert_nonnull (dialog);
  {
    g_autoptr(GPtrArray) checks = g_ptr_array_new ();
    GtkWidget *group = find_descendant (GTK_WIDGET (dialog), ADW_TYPE_PREFERENCES_GROUP, NULL);

    for (GtkWidget *w = find_descendant (group, GTK_TYPE_CHECK_BUTTON, NULL); w != NULL; )
      {
        GtkWidget *row_of = gtk_widget_get_ancestor (w, ADW_TYPE_ACTION_ROW);
        GtkWidget *next = gtk_widget_get_next_sibling (row_of);

        g_ptr_array_add (checks, w);
        w = next ? find_descendant (next, GTK_TYPE_CHECK_BUTTON, NULL) : NULL;
      }
    g_assert_cmpuint (checks->len, >=, 3);
    for (guint i = 0; i < 3; i++)
      gtk_check_button_set_active (g_ptr_array_index (checks, i), TRUE);
  }
  g_signal_emit_by_name (find_descendant (GTK_WIDGET (dialog), GTK_TYPE_BUTTON, "_Form Panel"), "clicked");
  g_assert_null (find_toplevel (SB_TYPE_PANEL_DIALOG));
  sql = g_strdup_printf ("SELECT count(*) FROM panel_members m JOIN panels p ON p.id = m.panel_id"
                         " WHERE p.kind = 'annual' AND p.base_id = %" G_GINT64_FORMAT,
                         sb_base_get_id (established));
  g_assert_cmpint (count_rows (fixture, sql), ==, 3);
  g_clear_pointer (&sql, g_free);

  /* As the expert 王磊, who still owes a sheet to a panel. */
  choose_profile (window, "王磊");
  waiting = first_base_in_state (window, SB_BASE_STATE_FORMALLY_REVIEWED);
  g_assert_nonnull (waiting);
  show_base (window, waiting);
  g_assert_nonnull (find_descendant (GTK_WIDGET (page), ADW_TYPE_ACTION_ROW, "王磊"));
  sql = g_strdup_printf ("SELECT p.id FROM panels p WHERE p.base_id = %" G_GINT64_FORMAT,
                         sb_base_get_id (waiting));
  panel = count_rows (fixture, sql);
  g_clear_pointer (&sql, g_free);
  expert = count_rows (fixture, "SELECT id FROM experts WHERE name = '王磊'");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "base.score-sheet", "(xx)",
                                             panel, expert));
  dialog = find_toplevel (SB_TYPE_SCORE_SHEET_DIALOG);
  g_assert_nonnull (dialog);

  /* Without an opinion the sheet is refused in words; then handed in. */
  for (guint i = 0; i < 5; i++)
    sb_score_sheet_dialog_set_score (SB_SCORE_SHEET_DIALOG (dialog), i, 10 + i);
  g_signal_emit_by_name (find_descendant (GTK_WIDGET (dialog), GTK_TYPE_BUTTON, "_Hand In"), "clicked");
  g_assert_nonnull (find_toplevel (SB_TYPE_SCORE_SHEET_DIALOG));
  gtk_editable_set_text (GTK_EDITABLE (find_descendant (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW,
                                                        "Opinion (required)")),
                         "基础扎实，同意。");
  g_signal_emit_by_name (find_descendant (GTK_WIDGET (dialog), GTK_TYPE_BUTTON, "_Hand In"), "clicked");
  g_assert_null (find_toplevel (SB_TYPE_SCORE_SHEET_DIALOG));

  sql = g_strdup_printf ("SELECT sum (s.score) FROM reviews r JOIN review_scores s ON s.review_id = r.id"
                         " WHERE r.panel_id = %" G_GINT64_FORMAT " AND r.reviewer = '王磊'", panel);
  /* 10 + 11 + 12 + 10 + 14: the fourth criterion is out of 10, and its
   * spin button keeps the 13 typed to that. */
  g_assert_cmpint (count_rows (fixture, sql), ==, 57);
  g_assert_cmpint (count_rows (fixture, "SELECT count(*) FROM audit_log WHERE entity = 'reviews'"
                                        " AND actor = '王磊' AND role = 'expert'"), ==, 1);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* The technical institution returns an application that lacks evidence,
 * naming what to correct. */
static void
test_formal_review (Fixture       *fixture,
                    gconstpointer  data)
{
  SbWindow *window;
  SbBasePage *page;
  GtkWindow *dialog;
  GtkWidget *pass, *ret;
  g_autoptr(SbBase) recommended = NULL;
  g_autofree char *sql = NULL;

  fill_demo (fixture, 30);
  window = open_window (fixture);
  page = sb_bases_view_get_base_page (sb_window_get_bases_view (window));
  choose_profile (window, "李静");

  recommended = first_base_in_state (window, SB_BASE_STATE_RECOMMENDED);
  g_assert_nonnull (recommended);
  show_base (window, recommended);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "base.take-step", "i",
                                             (gint32) SB_ACTION_PASS_FORMAL_REVIEW));
  dialog = find_toplevel (SB_TYPE_FORMAL_REVIEW_DIALOG);
  g_assert_nonnull (dialog);

  /* The demo's applications carry no evidence PDFs: passing is not offered. */
  pass = find_descendant (GTK_WIDGET (dialog), GTK_TYPE_BUTTON, "_Pass");
  ret = find_descendant (GTK_WIDGET (dialog), GTK_TYPE_BUTTON, "_Return for Correction");
  g_assert_false (gtk_widget_get_sensitive (pass));
  g_assert_true (gtk_widget_get_sensitive (ret));
  g_signal_emit_by_name (ret, "clicked");
  g_assert_null (find_toplevel (SB_TYPE_FORMAL_REVIEW_DIALOG));
  wait_until_loaded (window);

  sql = g_strdup_printf ("SELECT count(*) FROM transitions WHERE base_id = %" G_GINT64_FORMAT
                         " AND action = 'return' AND role = 'technical-institution'"
                         " AND actor = '李静' AND note LIKE 'To correct: Condition (2)%%'",
                         sb_base_get_id (recommended));
  g_assert_cmpint (count_rows (fixture, sql), ==, 1);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* An established base's unit hands in its self-inspection report with the
 * year's figures: a year already reported is refused and nothing typed is
 * lost; the next is recorded with its figures. */
static void
test_annual_report (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  SbWindow *window;
  SbBasePage *page;
  GtkWindow *dialog;
  GtkWidget *year;
  g_autoptr(SbBase) established = NULL;
  g_autofree char *sql = NULL;
  GtkWidget *record;

  fill_demo (fixture, 72);
  {
    g_autoptr(SbProgramme) programme = sb_programme_open (fixture->path, SB_DATABASE_OPEN_FLAGS_NONE, &error);
    SbDatabase *database = sb_programme_get_database (programme);
    gint64 unit = count_rows (fixture, "SELECT lead_unit_id FROM bases WHERE state = 'established'"
                                       " ORDER BY id LIMIT 1");
    gint64 id = sb_profile_add (database, "黄丽", SB_ROLE_APPLICANT, unit, &error);
    g_autoptr(SbProfile) profile = sb_profile_load (database, id, &error);

    g_assert_no_error (error);
    g_assert_true (sb_profile_set_last (database, profile, &error));
  }
  window = open_window (fixture);
  page = sb_bases_view_get_base_page (sb_window_get_bases_view (window));
  established = first_base_in_state (window, SB_BASE_STATE_ESTABLISHED);
  g_assert_nonnull (established);
  show_base (window, established);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "base.take-step", "i",
                                             (gint32) SB_ACTION_SUBMIT_ANNUAL_REPORT));
  dialog = find_toplevel (SB_TYPE_STEP_DIALOG);
  g_assert_nonnull (dialog);
  {
    g_autofree char *pdf = g_build_filename (fixture->dir, "自查报告.pdf", NULL);
    cairo_surface_t *surface = cairo_pdf_surface_create (pdf, 595, 842);
    cairo_t *cr = cairo_create (surface);

    cairo_show_page (cr);
    cairo_destroy (cr);
    cairo_surface_destroy (surface);
    g_assert_true (sb_step_dialog_set_report (SB_STEP_DIALOG (dialog), pdf, &error));
    g_assert_no_error (error);
  }
  sb_step_dialog_set_figure (SB_STEP_DIALOG (dialog), 1, 2);    /* national standards */
  sb_step_dialog_set_figure (SB_STEP_DIALOG (dialog), 9, 37);   /* SMEs served */
  record = find_descendant (GTK_WIDGET (dialog), GTK_TYPE_BUTTON, "_Record");

  /* The demonstration reported 2025 already. */
  g_signal_emit_by_name (record, "clicked");
  g_assert_nonnull (find_toplevel (SB_TYPE_STEP_DIALOG));

  year = find_descendant (find_descendant (GTK_WIDGET (dialog), ADW_TYPE_ACTION_ROW, "Year"),
                          GTK_TYPE_SPIN_BUTTON, NULL);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (year), 2026);
  g_signal_emit_by_name (record, "clicked");
  g_assert_null (find_toplevel (SB_TYPE_STEP_DIALOG));
  wait_until_loaded (window);

  sql = g_strdup_printf ("SELECT standards_national * 1000 + smes_served FROM annual_reports"
                         " WHERE base_id = %" G_GINT64_FORMAT " AND year = 2026",
                         sb_base_get_id (established));
  g_assert_cmpint (count_rows (fixture, sql), ==, 2037);
  g_free (sql);
  sql = g_strdup_printf ("SELECT count(*) FROM annual_reports r JOIN documents d ON d.id = r.document_id"
                         " WHERE r.base_id = %" G_GINT64_FORMAT " AND r.year = 2026"
                         " AND d.file_name = '自查报告.pdf'", sb_base_get_id (established));
  g_assert_cmpint (count_rows (fixture, sql), ==, 1);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* The recommender's inbox: the applications waiting for its opinion. */
static void
test_recommender_inbox (Fixture       *fixture,
                        gconstpointer  data)
{
  SbWindow *window;
  SbBasesView *view;
  SbBaseListFilter *filter;
  GListModel *visible;
  gint64 waiting;

  fill_demo (fixture, 72);
  window = open_window (fixture);
  view = sb_window_get_bases_view (window);
  filter = sb_bases_view_get_filter (view);
  visible = sb_bases_view_get_visible_bases (view);
  choose_profile (window, "赵芳");

  waiting = count_rows (fixture, "SELECT count(*) FROM bases WHERE state = 'submitted'"
                                 " AND recommender_id = (SELECT organisation_id FROM profiles"
                                 "  WHERE name = '赵芳')");
  g_assert_cmpint (waiting, >, 0);
  sb_base_list_filter_set_state (filter, SB_BASE_LIST_FILTER_WAITING);
  g_assert_cmpuint (g_list_model_get_n_items (visible), ==, waiting);
  for (guint i = 0; i < g_list_model_get_n_items (visible); i++)
    {
      g_autoptr(SbBase) base = g_list_model_get_item (visible, i);

      g_assert_cmpint (sb_base_get_state (base), ==, SB_BASE_STATE_SUBMITTED);
    }

  /* The authority's inbox is another one. */
  choose_profile (window, "张明");
  g_assert_cmpuint (g_list_model_get_n_items (visible), ==,
                    count_rows (fixture, "SELECT count(*) FROM bases WHERE state IN ('expert-reviewed',"
                                         " 'preparing', 'constructing', 'extension-requested', 'extended',"
                                         " 'acceptance-requested', 'rectifying', 'established',"
                                         " 'assessment-rectifying')"));

  gtk_window_destroy (GTK_WINDOW (window));
}

/* The authority sees an assessed base's notices and records a spot check. */
static void
test_notices_and_spot_check (Fixture       *fixture,
                             gconstpointer  data)
{
  SbWindow *window;
  SbBasePage *page;
  GtkWindow *dialog;
  g_autoptr(SbBase) established = NULL;
  g_autofree char *sql = NULL;

  fill_demo (fixture, 72);
  window = open_window (fixture);
  page = sb_bases_view_get_base_page (sb_window_get_bases_view (window));
  established = first_base_in_state (window, SB_BASE_STATE_ESTABLISHED);
  show_base (window, established);

  /* Its assessment was notified (Art. 36): a row each, to save or print. */
  sql = g_strdup_printf ("SELECT title FROM notices WHERE base_id = %" G_GINT64_FORMAT " LIMIT 1",
                         sb_base_get_id (established));
  {
    sqlite3 *db = NULL;
    sqlite3_stmt *stmt = NULL;
    g_autofree char *title = NULL;

    g_assert_cmpint (sqlite3_open_v2 (fixture->path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    title = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
    sqlite3_finalize (stmt);
    sqlite3_close (db);
    g_assert_nonnull (find_descendant (GTK_WIDGET (page), ADW_TYPE_ACTION_ROW, title));
  }

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "base.spot-check", NULL));
  dialog = find_toplevel (SB_TYPE_SPOT_CHECK_DIALOG);
  g_assert_nonnull (dialog);

  /* Without findings: refused in words, the dialog stays. */
  g_signal_emit_by_name (find_descendant (GTK_WIDGET (dialog), GTK_TYPE_BUTTON, "_Record"), "clicked");
  g_assert_nonnull (find_toplevel (SB_TYPE_SPOT_CHECK_DIALOG));
  gtk_editable_set_text (GTK_EDITABLE (find_descendant (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW, "Findings")),
                         "标准化台账完整");
  g_signal_emit_by_name (find_descendant (GTK_WIDGET (dialog), GTK_TYPE_BUTTON, "_Record"), "clicked");
  g_assert_null (find_toplevel (SB_TYPE_SPOT_CHECK_DIALOG));

  g_clear_pointer (&sql, g_free);
  sql = g_strdup_printf ("SELECT count(*) FROM spot_checks WHERE base_id = %" G_GINT64_FORMAT
                         " AND inspector = '张明' AND findings = '标准化台账完整'",
                         sb_base_get_id (established));
  g_assert_cmpint (count_rows (fixture, sql), ==, 1);
  while (find_descendant (GTK_WIDGET (page), ADW_TYPE_ACTION_ROW, "On-site check · 2026-11-27") == NULL)
    g_main_context_iteration (NULL, TRUE);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* A base under construction hands in its mid-term report through the
 * wizard: a summary is required, PDFs are checked and kept with the step. */
static void
test_midterm_wizard (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *pdf = g_build_filename (fixture->dir, "report.pdf", NULL);
  g_autofree char *sql = NULL;
  SbWindow *window;
  SbBasePage *page;
  GtkWindow *wizard;
  SbWizard *steps;
  gint64 base;

  fill_demo (fixture, 72);
  base = count_rows (fixture, "SELECT id FROM bases WHERE state = 'constructing'"
                              " AND midterm_report_date IS NULL ORDER BY id LIMIT 1");
  g_assert_cmpint (base, >, 0);
  {
    g_autoptr(SbProgramme) programme = sb_programme_open (fixture->path, SB_DATABASE_OPEN_FLAGS_NONE, &error);
    SbDatabase *database = sb_programme_get_database (programme);
    g_autofree char *unit_sql = g_strdup_printf ("SELECT lead_unit_id FROM bases WHERE id = %" G_GINT64_FORMAT, base);
    gint64 id = sb_profile_add (database, "孙强", SB_ROLE_APPLICANT, count_rows (fixture, unit_sql), &error);
    g_autoptr(SbProfile) profile = sb_profile_load (database, id, &error);

    g_assert_no_error (error);
    g_assert_true (sb_profile_set_last (database, profile, &error));
  }
  {
    cairo_surface_t *surface = cairo_pdf_surface_create (pdf, 595, 842);
    cairo_t *cr = cairo_create (surface);

    cairo_show_page (cr);
    cairo_destroy (cr);
    cairo_surface_destroy (surface);
  }

  window = open_window (fixture);
  page = sb_bases_view_get_base_page (sb_window_get_bases_view (window));
  {
    GListModel *bases = sb_window_get_bases (window);

    for (guint i = 0; i < g_list_model_get_n_items (bases); i++)
      {
        g_autoptr(SbBase) each = g_list_model_get_item (bases, i);

        if (sb_base_get_id (each) == base)
          show_base (window, each);
      }
  }

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "base.take-step", "i",
                                             (gint32) SB_ACTION_SUBMIT_MIDTERM_REPORT));
  wizard = find_toplevel (SB_TYPE_MIDTERM_WIZARD);
  g_assert_nonnull (wizard);
  steps = SB_WIZARD (find_descendant (GTK_WIDGET (wizard), SB_TYPE_WIZARD, NULL));

  g_assert_true (sb_midterm_wizard_add_document (SB_MIDTERM_WIZARD (wizard), pdf, &error));
  g_assert_no_error (error);
  g_assert_nonnull (find_descendant (GTK_WIDGET (wizard), ADW_TYPE_ACTION_ROW, "report.pdf"));

  /* From the progress to the report; without a summary it stays there. */
  g_assert_true (sb_wizard_next (steps));
  g_assert_cmpuint (sb_wizard_get_current (steps), ==, 1);
  sb_wizard_next (steps);
  g_assert_cmpuint (sb_wizard_get_current (steps), ==, 1);
  g_assert_cmpint (sb_wizard_get_step_state (steps, 1), ==, SB_STEP_STATE_ERRORS);
  gtk_editable_set_text (GTK_EDITABLE (find_descendant (GTK_WIDGET (wizard), ADW_TYPE_ENTRY_ROW,
                                                        "Summary of the work so far (required)")),
                         "按计划推进，完成团体标准三项。");
  g_assert_true (sb_wizard_next (steps));
  g_assert_cmpuint (sb_wizard_get_current (steps), ==, 2);

  g_assert_true (sb_midterm_wizard_submit (SB_MIDTERM_WIZARD (wizard), &error));
  g_assert_no_error (error);
  wait_until_loaded (window);

  sql = g_strdup_printf ("SELECT count(*) FROM transitions t JOIN transition_documents d"
                         " ON d.transition_id = t.id WHERE t.base_id = %" G_GINT64_FORMAT
                         " AND t.action = 'submit-midterm-report' AND t.actor = '孙强'"
                         " AND t.note = '按计划推进，完成团体标准三项。'", base);
  g_assert_cmpint (count_rows (fixture, sql), ==, 1);

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  int status;

  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    {
      g_printerr ("No display: run the UI tests under Xvfb (build-aux/dev test does)\n");
      return 77;
    }

  gtk_test_init (&argc, &argv, NULL);

  application = gtk_application_new ("org.shanxi.StdBase.Test", G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (application), NULL, &error);
  g_assert_no_error (error);

  g_test_add ("/window/lists-bases", Fixture, NULL, fixture_set_up, test_lists_bases, fixture_tear_down);
  g_test_add ("/window/empty-then-demo", Fixture, NULL, fixture_set_up, test_empty_then_demo, fixture_tear_down);
  g_test_add ("/window/error-page", Fixture, NULL, fixture_set_up, test_error_page, fixture_tear_down);
  g_test_add ("/window/dashboard-figures", Fixture, NULL, fixture_set_up, test_dashboard_figures, fixture_tear_down);
  g_test_add ("/window/uncomputable-deadlines-notice", Fixture, NULL, fixture_set_up,
              test_uncomputable_deadlines_notice, fixture_tear_down);
  g_test_add ("/window/domain-card-filters", Fixture, NULL, fixture_set_up, test_domain_card_filters, fixture_tear_down);
  g_test_add ("/window/profiles-and-steps", Fixture, NULL, fixture_set_up, test_profiles_and_steps, fixture_tear_down);
  g_test_add ("/window/panel-and-score-sheet", Fixture, NULL, fixture_set_up, test_panel_and_score_sheet, fixture_tear_down);
  g_test_add ("/window/formal-review", Fixture, NULL, fixture_set_up, test_formal_review, fixture_tear_down);
  g_test_add ("/window/annual-report", Fixture, NULL, fixture_set_up, test_annual_report, fixture_tear_down);
  g_test_add ("/window/recommender-inbox", Fixture, NULL, fixture_set_up, test_recommender_inbox, fixture_tear_down);
  g_test_add ("/window/notices-and-spot-check", Fixture, NULL, fixture_set_up, test_notices_and_spot_check, fixture_tear_down);
  g_test_add ("/window/midterm-wizard", Fixture, NULL, fixture_set_up, test_midterm_wizard, fixture_tear_down);
  g_test_add ("/window/sections-built-when-shown", Fixture, NULL, fixture_set_up,
              test_sections_built_when_shown, fixture_tear_down);
  g_test_add ("/window/close-while-loading", Fixture, NULL, fixture_set_up, test_close_while_loading, fixture_tear_down);

  status = g_test_run ();
  g_object_unref (application);
  return status;
}
