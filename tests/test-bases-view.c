/* test-bases-view.c: the Bases section, driven under Xvfb
 *
 * One demonstration programme (72 bases, current on 2026-11-27) serves
 * every test; the expected counts are computed here from the bases'
 * own fields, not from the filter under test.
 */
#include "config.h"

#include <glib/gstdio.h>
#include <gtk/gtk.h>
#include <string.h>

#include "sb-base.h"
#include "sb-base-list-filter.h"
#include "sb-bases-view.h"
#include "sb-date.h"
#include "sb-demo.h"
#include "sb-programme.h"
#include "sb-statistics.h"

#define DEMO_COUNT 72

static char *dir;
static SbProgramme *programme;
static GPtrArray *bases;   /* (element-type SbBase) with their search data */
static GDate today;

/* Helpers */

static void
remove_tree (const char *path)
{
  if (g_file_test (path, G_FILE_TEST_IS_DIR) && !g_file_test (path, G_FILE_TEST_IS_SYMLINK))
    {
      g_autoptr(GDir) handle = g_dir_open (path, 0, NULL);
      const char *name;

      while (handle != NULL && (name = g_dir_read_name (handle)) != NULL)
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

static GPtrArray *
list_bases (SbProgramme *source)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *list;

  list = sb_base_store_list (sb_programme_get_store (source), NULL, &today, &error);
  g_assert_no_error (error);
  sb_base_store_read_search_data (sb_programme_get_store (source), list, &error);
  g_assert_no_error (error);

  return list;
}

static SbProgramme *
open_demo (const char *name,
           guint       count)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (dir, name, NULL);
  SbProgramme *demo;

  demo = sb_programme_open (path, SB_DATABASE_OPEN_FLAGS_CREATE, &error);
  g_assert_no_error (error);
  sb_demo_fill (sb_programme_get_store (demo), count, SB_DEMO_DEFAULT_SEED, &today, &error);
  g_assert_no_error (error);

  return demo;
}

/* A window holding a view of @list, as the window will set it up. */
static SbBasesView *
make_view (GPtrArray *list)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListStore) store = g_list_store_new (SB_TYPE_BASE);
  g_autoptr(GArray) domains = NULL;
  g_autoptr(GArray) cities = NULL;
  g_autoptr(GArray) tags = NULL;
  SbDatabase *database = sb_programme_get_database (programme);
  GtkWidget *window = gtk_window_new ();
  SbBasesView *view = SB_BASES_VIEW (sb_bases_view_new ());

  g_list_store_splice (store, 0, 0, list->pdata, list->len);
  domains = sb_statistics_list_domains (database, &error);
  g_assert_no_error (error);
  cities = sb_statistics_list_cities (database, &error);
  g_assert_no_error (error);
  tags = sb_statistics_list_tags (database, &error);
  g_assert_no_error (error);

  sb_bases_view_set_bases (view, G_LIST_MODEL (store));
  sb_bases_view_set_today (view, &today);
  sb_bases_view_set_programme (view, programme);
  sb_bases_view_set_reference_data (view, domains, cities, tags);

  gtk_window_set_default_size (GTK_WINDOW (window), 1024, 700);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (view));
  gtk_window_present (GTK_WINDOW (window));

  return view;
}

static void
destroy_view (SbBasesView *view)
{
  gtk_window_destroy (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (view))));
}

/* Widgets of @type under @root, in the order they are laid out. */
static void
collect_widgets (GtkWidget *root,
                 GType      type,
                 GPtrArray *found)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (g_type_is_a (G_OBJECT_TYPE (child), type))
        g_ptr_array_add (found, child);
      collect_widgets (child, type, found);
    }
}

static gpointer
find_widget (GtkWidget *root,
             GType      type)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new ();

  collect_widgets (root, type, found);
  g_assert_cmpuint (found->len, >, 0);

  return g_ptr_array_index (found, 0);
}

/* The drop-downs, in the order of the filter bar: domain, state, city, tag. */
static GtkDropDown *
drop_down (SbBasesView *view,
           guint        index)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new ();

  collect_widgets (GTK_WIDGET (view), GTK_TYPE_DROP_DOWN, found);
  g_assert_cmpuint (found->len, ==, 4);

  return g_ptr_array_index (found, index);
}

static void
select_label (GtkDropDown *drop,
              const char  *label)
{
  GListModel *model = gtk_drop_down_get_model (drop);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GtkStringObject) item = g_list_model_get_item (model, i);

      if (g_strcmp0 (gtk_string_object_get_string (item), label) == 0)
        {
          gtk_drop_down_set_selected (drop, i);
          return;
        }
    }

  g_error ("No “%s” to choose", label);
}

static const char *
selected_label (GtkDropDown *drop)
{
  return gtk_string_object_get_string (gtk_drop_down_get_selected_item (drop));
}

static guint
n_visible (SbBasesView *view)
{
  return g_list_model_get_n_items (sb_bases_view_get_visible_bases (view));
}

/* The search waits for a pause in typing: spin until it has run. */
static void
type_search (SbBasesView *view,
             const char  *text)
{
  GtkEditable *entry = find_widget (GTK_WIDGET (view), GTK_TYPE_SEARCH_ENTRY);
  SbBaseListFilter *filter = sb_bases_view_get_filter (view);
  gint64 deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

  gtk_editable_set_text (entry, text);
  while (g_strcmp0 (sb_base_list_filter_get_search_text (filter), *text ? text : NULL) != 0)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, TRUE);
    }
}

static void
spin (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static gboolean
contains (const char *text,
          const char *part)
{
  return text != NULL && strstr (text, part) != NULL;
}

static gboolean
names_contain (SbBase     *base,
               const char *part)
{
  return contains (sb_base_get_short_name (base), part)
         || contains (sb_base_get_short_name_en (base), part)
         || contains (sb_base_get_lead_unit (base), part)
         || contains (sb_base_get_co_applicants (base), part);
}

static guint
count_domain (const char *code)
{
  guint count = 0;

  for (guint i = 0; i < bases->len; i++)
    count += g_strcmp0 (sb_base_get_domain_code (g_ptr_array_index (bases, i)), code) == 0;

  return count;
}

/* A row titled @title under @root, if any. */
static AdwActionRow *
find_row (GtkWidget  *root,
          const char *title)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();

  collect_widgets (root, ADW_TYPE_ACTION_ROW, rows);
  for (guint i = 0; i < rows->len; i++)
    {
      AdwPreferencesRow *row = g_ptr_array_index (rows, i);

      if (g_strcmp0 (adw_preferences_row_get_title (row), title) == 0)
        return ADW_ACTION_ROW (row);
    }

  return NULL;
}

/* The group titled @title under @root. */
static GtkWidget *
find_group (GtkWidget  *root,
            const char *title)
{
  g_autoptr(GPtrArray) groups = g_ptr_array_new ();

  collect_widgets (root, ADW_TYPE_PREFERENCES_GROUP, groups);
  for (guint i = 0; i < groups->len; i++)
    {
      if (g_strcmp0 (adw_preferences_group_get_title (g_ptr_array_index (groups, i)), title) == 0)
        return g_ptr_array_index (groups, i);
    }

  g_error ("No group “%s”", title);
}

static gboolean
has_label (GtkWidget  *root,
           const char *part)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();

  collect_widgets (root, GTK_TYPE_LABEL, labels);
  for (guint i = 0; i < labels->len; i++)
    {
      if (gtk_widget_is_drawable (g_ptr_array_index (labels, i))
          && contains (gtk_label_get_text (g_ptr_array_index (labels, i)), part))
        return TRUE;
    }

  return FALSE;
}

static SbBase *
first_in_state (SbBaseState state)
{
  for (guint i = 0; i < bases->len; i++)
    {
      if (sb_base_get_state (g_ptr_array_index (bases, i)) == state)
        return g_ptr_array_index (bases, i);
    }

  g_error ("The demo has no base in state %s", sb_base_state_to_string (state));
}

/* Tests */

/* 半导 is in the middle of the names: 第三代半导体材料, 山西…半导体… */
static void
test_search (void)
{
  SbBasesView *view = make_view (bases);
  GListModel *visible = sb_bases_view_get_visible_bases (view);
  guint expected = 0;

  for (guint i = 0; i < bases->len; i++)
    expected += names_contain (g_ptr_array_index (bases, i), "半导");
  g_test_message ("%u of %u bases have 半导 in their names", expected, bases->len);
  g_assert_cmpuint (expected, >, 0);
  g_assert_cmpuint (expected, <, bases->len);

  g_assert_cmpuint (n_visible (view), ==, DEMO_COUNT);
  type_search (view, "半导");
  g_assert_cmpuint (n_visible (view), ==, expected);
  for (guint i = 0; i < g_list_model_get_n_items (visible); i++)
    {
      g_autoptr(SbBase) base = g_list_model_get_item (visible, i);

      g_assert_true (names_contain (base, "半导"));
    }

  /* More typing narrows; deleting widens again. */
  type_search (view, "半导体封装");
  g_assert_cmpuint (n_visible (view), <=, expected);
  g_assert_cmpuint (n_visible (view), >, 0);
  type_search (view, "半导");
  g_assert_cmpuint (n_visible (view), ==, expected);

  /* Latin text is matched without regard to case. */
  type_search (view, "SILICON");
  g_assert_cmpuint (n_visible (view), >, 0);

  type_search (view, "");
  g_assert_cmpuint (n_visible (view), ==, DEMO_COUNT);

  destroy_view (view);
}

/* Every name the list shows is a name of a base it should show. */
static void
assert_rows_show (SbBasesView *view)
{
  GListModel *visible = sb_bases_view_get_visible_bases (view);
  g_autoptr(GHashTable) names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();
  guint shown = 0;

  for (guint i = 0; i < g_list_model_get_n_items (visible); i++)
    {
      g_autoptr(SbBase) base = g_list_model_get_item (visible, i);

      g_hash_table_add (names, sb_base_dup_name (base));
    }

  collect_widgets (find_widget (GTK_WIDGET (view), GTK_TYPE_COLUMN_VIEW), GTK_TYPE_LABEL, labels);
  for (guint i = 0; i < labels->len; i++)
    {
      GtkLabel *label = g_ptr_array_index (labels, i);

      /* The name column's cells are the ones cut short at their start. */
      if (gtk_label_get_ellipsize (label) != PANGO_ELLIPSIZE_START
          || !gtk_widget_get_mapped (GTK_WIDGET (label)))
        continue;
      g_assert_true (g_hash_table_contains (names, gtk_label_get_text (label)));
      shown++;
    }
  g_assert_cmpuint (shown, >, 0);
}

/* The rows stay while a search changes the bases in them (sb-row-model.c):
 * what they show, on screen and scrolled to, follows; so does the
 * selection. */
static void
test_rows_follow_search (void)
{
  SbBasesView *view = make_view (bases);
  GListModel *visible = sb_bases_view_get_visible_bases (view);
  GtkScrollable *column_view = find_widget (GTK_WIDGET (view), GTK_TYPE_COLUMN_VIEW);
  GtkSelectionModel *selection = gtk_column_view_get_model (GTK_COLUMN_VIEW (column_view));
  GtkAdjustment *vadjustment = gtk_scrollable_get_vadjustment (column_view);
  g_autoptr(SbBase) chosen = NULL;
  guint chosen_position = GTK_INVALID_LIST_POSITION;

  spin ();
  assert_rows_show (view);
  type_search (view, "半导");
  spin ();
  assert_rows_show (view);

  /* Nothing found, then found again: the rows come back right. */
  type_search (view, "没有这样的基地");
  spin ();
  type_search (view, "太原");
  spin ();
  assert_rows_show (view);

  gtk_adjustment_set_value (vadjustment, gtk_adjustment_get_upper (vadjustment));
  spin ();
  assert_rows_show (view);
  gtk_adjustment_set_value (vadjustment, 0);
  spin ();

  /* The selected base stays selected where the search moves it. */
  type_search (view, "");
  chosen = g_list_model_get_item (visible, 5);
  g_assert_true (gtk_selection_model_select_item (selection, 5, TRUE));
  type_search (view, sb_base_get_lead_unit (chosen));
  spin ();
  for (guint i = 0; i < g_list_model_get_n_items (visible); i++)
    {
      g_autoptr(SbBase) base = g_list_model_get_item (visible, i);

      if (base == chosen)
        chosen_position = i;
    }
  g_assert_cmpuint (chosen_position, !=, GTK_INVALID_LIST_POSITION);
  g_assert_cmpuint (gtk_single_selection_get_selected (GTK_SINGLE_SELECTION (selection)), ==, chosen_position);

  destroy_view (view);
}

static void
test_filters (void)
{
  SbBasesView *view = make_view (bases);
  SbBaseListFilter *filter = sb_bases_view_get_filter (view);
  GListModel *visible = sb_bases_view_get_visible_bases (view);
  guint in_domain = count_domain ("semiconductors");
  guint by_phase[SB_N_PHASES] = { 0 };
  guint best = 0, in_both, in_tag = 0, in_city = 0;

  g_assert_cmpuint (in_domain, >, 0);

  /* The domain drop-down lists the reference rows by name. */
  select_label (drop_down (view, 0), "Semiconductors");
  g_assert_cmpstr (sb_base_list_filter_get_domain_code (filter), ==, "semiconductors");
  g_assert_cmpuint (n_visible (view), ==, in_domain);

  /* The phase most of the domain's bases are in, but not all. */
  for (guint i = 0; i < bases->len; i++)
    {
      SbBase *base = g_ptr_array_index (bases, i);

      if (g_strcmp0 (sb_base_get_domain_code (base), "semiconductors") == 0)
        by_phase[sb_base_state_get_phase (sb_base_get_state (base))]++;
    }
  for (guint p = 0; p < SB_N_PHASES; p++)
    if (by_phase[p] > by_phase[best])
      best = p;
  in_both = by_phase[best];
  g_assert_cmpuint (in_both, >, 0);
  g_assert_cmpuint (in_both, <, in_domain);

  select_label (drop_down (view, 1), sb_phase_get_label (best));
  g_assert_cmpstr (sb_base_list_filter_get_state (filter), ==, sb_phase_to_string (best));
  g_assert_cmpuint (n_visible (view), ==, in_both);
  for (guint i = 0; i < g_list_model_get_n_items (visible); i++)
    {
      g_autoptr(SbBase) base = g_list_model_get_item (visible, i);

      g_assert_cmpstr (sb_base_get_domain_code (base), ==, "semiconductors");
      g_assert_cmpint (sb_base_state_get_phase (sb_base_get_state (base)), ==, best);
    }

  /* Clearing restores every base, and the controls say so. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "bases.clear-filters", NULL));
  g_assert_cmpuint (n_visible (view), ==, DEMO_COUNT);
  g_assert_false (sb_base_list_filter_get_active (filter));
  g_assert_cmpuint (gtk_drop_down_get_selected (drop_down (view, 0)), ==, 0);
  g_assert_cmpuint (gtk_drop_down_get_selected (drop_down (view, 1)), ==, 0);
  g_assert_cmpstr (selected_label (drop_down (view, 0)), ==, "All Domains");

  /* A city, and a six-new tag, which needs the search data. */
  for (guint i = 0; i < bases->len; i++)
    {
      in_city += g_strcmp0 (sb_base_get_city_code (g_ptr_array_index (bases, i)), "1401") == 0;
      in_tag += sb_base_has_tag (g_ptr_array_index (bases, i), "new-materials");
    }
  g_assert_cmpuint (in_tag, >, 0);
  select_label (drop_down (view, 2), "Taiyuan");
  g_assert_cmpuint (n_visible (view), ==, in_city);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "bases.clear-filters", NULL));
  select_label (drop_down (view, 3), "New materials");
  g_assert_cmpuint (n_visible (view), ==, in_tag);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "bases.clear-filters", NULL));
  g_assert_cmpuint (n_visible (view), ==, DEMO_COUNT);

  destroy_view (view);
}

/* Days left sort as numbers: 9 before 10, overdue first, bases with
 * nothing pending last. */
static void
test_sort_days_left (void)
{
  SbBasesView *view = make_view (bases);
  GtkColumnView *column_view = find_widget (GTK_WIDGET (view), GTK_TYPE_COLUMN_VIEW);
  GListModel *columns = gtk_column_view_get_columns (column_view);
  GListModel *visible = sb_bases_view_get_visible_bases (view);
  g_autoptr(GtkColumnViewColumn) days_left = NULL;
  gboolean seen_none = FALSE;
  int previous = G_MININT;

  for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);

      if (g_strcmp0 (gtk_column_view_column_get_title (column), "Days Left") == 0)
        days_left = g_object_ref (column);
    }
  g_assert_nonnull (days_left);

  gtk_column_view_sort_by_column (column_view, days_left, GTK_SORT_ASCENDING);
  g_assert_cmpuint (g_list_model_get_n_items (visible), ==, DEMO_COUNT);
  for (guint i = 0; i < g_list_model_get_n_items (visible); i++)
    {
      g_autoptr(SbBase) base = g_list_model_get_item (visible, i);
      const SbDeadline *next = sb_base_get_next_deadline (base);

      if (next == NULL)
        {
          seen_none = TRUE;
          continue;
        }
      g_assert_false (seen_none);
      if (g_date_valid (&next->date))
        {
          g_assert_cmpint (next->days_left, >=, previous);
          previous = next->days_left;
        }
      else
        {
          g_assert_cmpint (previous, ==, G_MININT);
        }
    }
  g_assert_true (seen_none);

  destroy_view (view);
}

/* A state under its phase narrows the phase to that state. */
static void
test_state_drop_down (void)
{
  SbBasesView *view = make_view (bases);
  SbBaseListFilter *filter = sb_bases_view_get_filter (view);
  guint extended = 0;

  for (guint i = 0; i < bases->len; i++)
    extended += sb_base_get_state (g_ptr_array_index (bases, i)) == SB_BASE_STATE_EXTENDED;

  select_label (drop_down (view, 1), sb_base_state_get_label (SB_BASE_STATE_EXTENDED));
  g_assert_cmpstr (sb_base_list_filter_get_state (filter), ==, "extended");
  g_assert_cmpuint (n_visible (view), ==, extended);

  /* The filter drives the drop-down too. */
  sb_base_list_filter_set_state (filter, "applying");
  g_assert_cmpstr (selected_label (drop_down (view, 1)), ==, sb_phase_get_label (SB_PHASE_APPLYING));

  destroy_view (view);
}

static void
test_no_match (void)
{
  SbBasesView *view = make_view (bases);
  AdwStatusPage *page = NULL;
  g_autoptr(GPtrArray) pages = g_ptr_array_new ();

  collect_widgets (GTK_WIDGET (view), ADW_TYPE_STATUS_PAGE, pages);
  for (guint i = 0; i < pages->len; i++)
    if (g_strcmp0 (adw_status_page_get_title (g_ptr_array_index (pages, i)), "No Matching Bases") == 0)
      page = g_ptr_array_index (pages, i);
  g_assert_nonnull (page);

  g_assert_false (gtk_widget_get_child_visible (GTK_WIDGET (page)));
  type_search (view, "没有这样的基地");
  g_assert_cmpuint (n_visible (view), ==, 0);
  spin ();
  g_assert_true (gtk_widget_get_child_visible (GTK_WIDGET (page)));

  /* Its button clears the search and the filters. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "bases.clear-filters", NULL));
  g_assert_cmpuint (n_visible (view), ==, DEMO_COUNT);
  g_assert_cmpstr (gtk_editable_get_text (find_widget (GTK_WIDGET (view), GTK_TYPE_SEARCH_ENTRY)), ==, "");
  spin ();
  g_assert_false (gtk_widget_get_child_visible (GTK_WIDGET (page)));

  destroy_view (view);
}

/* What a dashboard card does: the domain's bases, nothing else hidden. */
static void
test_domain_filter_api (void)
{
  SbBasesView *view = make_view (bases);
  SbBaseListFilter *filter = sb_bases_view_get_filter (view);

  type_search (view, "太原");
  sb_base_list_filter_set_city_code (filter, "1402");
  sb_bases_view_show_base (view, sb_base_get_id (g_ptr_array_index (bases, 0)));

  sb_bases_view_set_domain_filter (view, "carbon-materials");
  g_assert_false (sb_bases_view_get_showing_base (view));
  g_assert_null (sb_base_list_filter_get_search_text (filter));
  g_assert_null (sb_base_list_filter_get_city_code (filter));
  g_assert_cmpuint (n_visible (view), ==, count_domain ("carbon-materials"));
  g_assert_cmpstr (selected_label (drop_down (view, 0)), ==, "Carbon-based new materials");
  g_assert_cmpstr (gtk_editable_get_text (find_widget (GTK_WIDGET (view), GTK_TYPE_SEARCH_ENTRY)), ==, "");

  sb_bases_view_set_domain_filter (view, NULL);
  g_assert_cmpuint (n_visible (view), ==, DEMO_COUNT);

  destroy_view (view);
}

static void
test_base_page (void)
{
  SbBasesView *view = make_view (bases);
  SbBase *preparing = first_in_state (SB_BASE_STATE_PREPARING);
  SbBasePage *page = sb_bases_view_get_base_page (view);
  g_autofree char *name = sb_base_dup_name (preparing);
  const char *plan = sb_deadline_kind_get_label (SB_DEADLINE_CONSTRUCTION_PLAN);
  AdwActionRow *row;
  GtkWidget *steps;
  SbProfile applicant = { 1, (char *) "陈刚", SB_ROLE_APPLICANT, 18, (char *) "某公司" };
  SbProfile authority = { 2, (char *) "张明", SB_ROLE_AUTHORITY, 0, NULL };
  guint n_toplevels = g_list_model_get_n_items (gtk_window_get_toplevels ());

  g_assert_true (g_str_has_suffix (name, "（筹）"));

  sb_bases_view_show_base (view, sb_base_get_id (preparing));
  spin ();
  g_assert_true (sb_bases_view_get_showing_base (view));
  g_assert_cmpint (sb_base_page_get_base_id (page), ==, sb_base_get_id (preparing));
  g_assert_cmpstr (sb_base_page_get_title (page), ==, name);
  g_assert_true (has_label (GTK_WIDGET (page), name));

  /* The construction plan is due 30 working days after approval. */
  row = find_row (GTK_WIDGET (page), plan);
  g_assert_nonnull (row);
  g_assert_true (contains (adw_action_row_get_subtitle (row), "Art. 16"));

  /* Without a profile nobody takes a step; with one, the steps the state
   * allows in that profile's role, and only those. */
  steps = find_group (GTK_WIDGET (page), "Next Steps");
  g_assert_null (find_row (steps, sb_action_get_label (SB_ACTION_SUBMIT_PLAN)));
  sb_base_page_set_profile (page, &applicant);
  spin ();
  steps = find_group (GTK_WIDGET (page), "Next Steps");
  g_assert_nonnull (find_row (steps, sb_action_get_label (SB_ACTION_SUBMIT_PLAN)));
  g_assert_null (find_row (steps, sb_action_get_label (SB_ACTION_REVOKE)));
  g_assert_null (find_row (steps, sb_action_get_label (SB_ACTION_APPROVE)));
  sb_base_page_set_profile (page, &authority);
  spin ();
  steps = find_group (GTK_WIDGET (page), "Next Steps");
  g_assert_null (find_row (steps, sb_action_get_label (SB_ACTION_SUBMIT_PLAN)));
  g_assert_nonnull (find_row (steps, sb_action_get_label (SB_ACTION_REVOKE)));
  g_assert_null (find_row (steps, sb_action_get_label (SB_ACTION_PASS_ACCEPTANCE)));

  /* A step the state does not allow, or another role's, opens nothing. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "base.take-step", "i",
                                             (gint32) SB_ACTION_APPROVE));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "base.take-step", "i",
                                             (gint32) SB_ACTION_SUBMIT_PLAN));
  g_assert_cmpuint (g_list_model_get_n_items (gtk_window_get_toplevels ()), ==, n_toplevels);
  sb_base_page_set_profile (page, NULL);

  /* The approval is history, and the lead unit is listed with its code. */
  g_assert_nonnull (find_row (find_group (GTK_WIDGET (page), "History"),
                              sb_action_get_label (SB_ACTION_APPROVE)));
  g_assert_true (has_label (find_group (GTK_WIDGET (page), "Units"),
                            sb_base_get_lead_unit_credit_code (preparing)));

  /* Back to the list. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "bases.show-list", NULL));
  g_assert_false (sb_bases_view_get_showing_base (view));

  destroy_view (view);
}

static void
test_established_page (void)
{
  SbBasesView *view = make_view (bases);
  SbBase *established = first_in_state (SB_BASE_STATE_ESTABLISHED);
  SbBasePage *page = sb_bases_view_get_base_page (view);
  g_autofree char *name = sb_base_dup_name (established);
  SbProfile applicant = { 1, (char *) "陈刚", SB_ROLE_APPLICANT, 18, (char *) "某公司" };

  sb_base_page_set_profile (page, &applicant);
  sb_bases_view_show_base (view, sb_base_get_id (established));
  spin ();

  /* Named without （筹） once accepted (Art. 22). */
  g_assert_false (g_str_has_suffix (name, "（筹）"));
  g_assert_cmpstr (sb_base_page_get_title (page), ==, name);
  g_assert_nonnull (find_row (find_group (GTK_WIDGET (page), "Next Steps"),
                              sb_action_get_label (SB_ACTION_SUBMIT_ANNUAL_REPORT)));
  g_assert_null (find_row (find_group (GTK_WIDGET (page), "Next Steps"),
                           sb_action_get_label (SB_ACTION_SUBMIT_PLAN)));
  sb_base_page_set_profile (page, NULL);

  destroy_view (view);
}

static void
test_activate_row (void)
{
  SbBasesView *view = make_view (bases);
  GtkColumnView *column_view = find_widget (GTK_WIDGET (view), GTK_TYPE_COLUMN_VIEW);
  g_autoptr(SbBase) third = NULL;

  type_search (view, "半导");
  third = g_list_model_get_item (sb_bases_view_get_visible_bases (view), 2);
  g_signal_emit_by_name (column_view, "activate", 2);
  g_assert_true (sb_bases_view_get_showing_base (view));
  g_assert_cmpint (sb_base_page_get_base_id (sb_bases_view_get_base_page (view)), ==,
                   sb_base_get_id (third));

  /* Ctrl+F goes back to the list and into the search. */
  sb_bases_view_focus_search (view);
  spin ();
  g_assert_false (sb_bases_view_get_showing_base (view));
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (gtk_widget_get_root (GTK_WIDGET (view))),
                                         find_widget (GTK_WIDGET (view), GTK_TYPE_SEARCH_ENTRY)));

  destroy_view (view);
}

/* While the window's loader has the programme, the page waits for it. */
static void
test_programme_away (void)
{
  SbBasesView *view = make_view (bases);
  SbBasePage *page = sb_bases_view_get_base_page (view);
  SbBase *first = g_ptr_array_index (bases, 0);
  SbBase *second = g_ptr_array_index (bases, 1);

  sb_bases_view_show_base (view, sb_base_get_id (first));
  sb_bases_view_set_programme (view, NULL);
  g_assert_null (sb_base_page_get_programme (page));
  g_assert_cmpint (sb_base_get_id (sb_base_page_get_base (page)), ==, sb_base_get_id (first));

  sb_bases_view_show_base (view, sb_base_get_id (second));
  g_assert_true (sb_base_page_get_base (page) == NULL
                 || sb_base_get_id (sb_base_page_get_base (page)) != sb_base_get_id (second));

  sb_bases_view_set_programme (view, programme);
  g_assert_cmpint (sb_base_get_id (sb_base_page_get_base (page)), ==, sb_base_get_id (second));

  destroy_view (view);
}

typedef struct
{
  GArray *changes;
} Recorder;

static void
record_change (GtkFilter       *filter,
               GtkFilterChange  change,
               Recorder        *recorder)
{
  g_array_append_val (recorder->changes, change);
}

static GtkFilterChange
last_change (Recorder *recorder,
             guint     expected_count)
{
  g_assert_cmpuint (recorder->changes->len, ==, expected_count);
  return g_array_index (recorder->changes, GtkFilterChange, recorder->changes->len - 1);
}

/* Each change says how the set of matches moved, so the filter model
 * re-checks only the rows that may change. */
static void
test_strictness (void)
{
  g_autoptr(SbBaseListFilter) filter = sb_base_list_filter_new ();
  Recorder recorder = { g_array_new (FALSE, FALSE, sizeof (GtkFilterChange)) };
  guint n = 0;

  g_signal_connect (filter, "changed", G_CALLBACK (record_change), &recorder);
  g_assert_cmpint (gtk_filter_get_strictness (GTK_FILTER (filter)), ==, GTK_FILTER_MATCH_ALL);

  sb_base_list_filter_set_search_text (filter, "半");
  g_assert_cmpint (last_change (&recorder, ++n), ==, GTK_FILTER_CHANGE_MORE_STRICT);
  g_assert_true (sb_base_list_filter_get_active (filter));
  sb_base_list_filter_set_search_text (filter, "半导");
  g_assert_cmpint (last_change (&recorder, ++n), ==, GTK_FILTER_CHANGE_MORE_STRICT);
  sb_base_list_filter_set_search_text (filter, "半导");
  g_assert_cmpuint (recorder.changes->len, ==, n);
  /* Spaces around the text change nothing to match. */
  sb_base_list_filter_set_search_text (filter, "半导 ");
  g_assert_cmpuint (recorder.changes->len, ==, n);
  sb_base_list_filter_set_search_text (filter, "导");
  g_assert_cmpint (last_change (&recorder, ++n), ==, GTK_FILTER_CHANGE_LESS_STRICT);
  sb_base_list_filter_set_search_text (filter, "碳");
  g_assert_cmpint (last_change (&recorder, ++n), ==, GTK_FILTER_CHANGE_DIFFERENT);
  sb_base_list_filter_set_search_text (filter, "");
  g_assert_cmpint (last_change (&recorder, ++n), ==, GTK_FILTER_CHANGE_LESS_STRICT);
  g_assert_false (sb_base_list_filter_get_active (filter));

  sb_base_list_filter_set_domain_code (filter, "semiconductors");
  g_assert_cmpint (last_change (&recorder, ++n), ==, GTK_FILTER_CHANGE_MORE_STRICT);
  sb_base_list_filter_set_domain_code (filter, "big-data");
  g_assert_cmpint (last_change (&recorder, ++n), ==, GTK_FILTER_CHANGE_DIFFERENT);

  /* A phase, one of its states, back to the phase, another phase. */
  sb_base_list_filter_set_state (filter, "constructing");
  g_assert_cmpint (last_change (&recorder, ++n), ==, GTK_FILTER_CHANGE_MORE_STRICT);
  sb_base_list_filter_set_state (filter, "extended");
  g_assert_cmpint (last_change (&recorder, ++n), ==, GTK_FILTER_CHANGE_MORE_STRICT);
  sb_base_list_filter_set_state (filter, "constructing");
  g_assert_cmpint (last_change (&recorder, ++n), ==, GTK_FILTER_CHANGE_LESS_STRICT);
  sb_base_list_filter_set_state (filter, "applying");
  g_assert_cmpint (last_change (&recorder, ++n), ==, GTK_FILTER_CHANGE_DIFFERENT);

  /* Clearing is one change. */
  sb_base_list_filter_set_tag_code (filter, "new-materials");
  g_assert_cmpint (last_change (&recorder, ++n), ==, GTK_FILTER_CHANGE_MORE_STRICT);
  sb_base_list_filter_clear (filter);
  g_assert_cmpint (last_change (&recorder, ++n), ==, GTK_FILTER_CHANGE_LESS_STRICT);
  g_assert_false (sb_base_list_filter_get_active (filter));
  g_assert_cmpint (gtk_filter_get_strictness (GTK_FILTER (filter)), ==, GTK_FILTER_MATCH_ALL);
  sb_base_list_filter_clear (filter);
  g_assert_cmpuint (recorder.changes->len, ==, n);

  /* An id that is neither a state nor a phase matches nothing. */
  sb_base_list_filter_set_state (filter, "no-such-state");
  g_assert_cmpint (gtk_filter_get_strictness (GTK_FILTER (filter)), ==, GTK_FILTER_MATCH_NONE);

  g_array_unref (recorder.changes);
}

/* One keystroke over 10 000 bases: the filter must keep up with typing
 * (one frame, 16 ms).  Measured twice: the filter model alone, and with the
 * view attached, where GtkColumnView re-binds its rows.  Run with -m perf. */
static void
time_keystrokes (SbBaseListFilter   *filter,
                 GtkFilterListModel *model,
                 const char         *setting)
{
  const char *keystrokes[] = { "半", "半导", "半导体", "半导", "碳", "", "山西", "" };

  for (guint i = 0; i < G_N_ELEMENTS (keystrokes); i++)
    {
      gint64 start = g_get_monotonic_time ();
      double elapsed;

      sb_base_list_filter_set_search_text (filter, keystrokes[i]);
      g_assert_false (gtk_filter_list_model_get_pending (model));
      elapsed = (g_get_monotonic_time () - start) / 1000.0;
      g_test_minimized_result (elapsed, "%s, “%s”: %u bases shown, filtered in %.2f ms",
                               setting, keystrokes[i],
                               g_list_model_get_n_items (G_LIST_MODEL (model)), elapsed);
      spin ();
    }
}

static void
test_search_speed (void)
{
  g_autoptr(SbProgramme) big = NULL;
  g_autoptr(GPtrArray) big_bases = NULL;
  g_autoptr(GListStore) store = g_list_store_new (SB_TYPE_BASE);
  g_autoptr(SbBaseListFilter) filter = sb_base_list_filter_new ();
  g_autoptr(GtkFilterListModel) model = NULL;
  SbBasesView *view;
  gint64 start;

  if (!g_test_perf ())
    {
      g_test_skip ("A benchmark: run with -m perf");
      return;
    }

  start = g_get_monotonic_time ();
  big = open_demo ("big.db", 10000);
  big_bases = list_bases (big);
  g_test_message ("10 000 bases made and read in %.1f s",
                  (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC);

  g_list_store_splice (store, 0, 0, big_bases->pdata, big_bases->len);
  model = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (store)),
                                     g_object_ref (GTK_FILTER (filter)));
  time_keystrokes (filter, model, "model alone");

  view = make_view (big_bases);
  spin ();
  time_keystrokes (sb_bases_view_get_filter (view),
                   GTK_FILTER_LIST_MODEL (sb_bases_view_get_visible_bases (view)),
                   "view attached");

  destroy_view (view);
}

/* The deadline's kind, shown at 1024 pixels with normal text, gives way
 * to the names with large text (Xft/DPI 120) in English. */
static GtkColumnViewColumn *
find_column (SbBasesView *view,
             const char  *title)
{
  GtkColumnView *column_view = find_widget (GTK_WIDGET (view), GTK_TYPE_COLUMN_VIEW);
  GListModel *columns = gtk_column_view_get_columns (column_view);

  for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);

      if (g_strcmp0 (gtk_column_view_column_get_title (column), title) == 0)
        return column;
    }

  g_assert_not_reached ();
}

static gboolean
column_visible_after_layout (int dpi)
{
  SbBasesView *view;
  GtkColumnViewColumn *column;
  gboolean visible;
  gint64 until;

  g_object_set (gtk_settings_get_default (), "gtk-xft-dpi", dpi * 1024, NULL);
  view = make_view (bases);
  until = g_get_monotonic_time () + G_USEC_PER_SEC;
  while (g_get_monotonic_time () < until)
    g_main_context_iteration (NULL, FALSE);

  column = find_column (view, "Next Deadline");
  visible = gtk_column_view_column_get_visible (column);
  if (!visible)
    g_assert_cmpint (gtk_column_view_column_get_fixed_width (column), ==, 0);
  destroy_view (view);

  return visible;
}

static void
test_large_text (void)
{
  int dpi = 0;

  g_object_get (gtk_settings_get_default (), "gtk-xft-dpi", &dpi, NULL);

  g_assert_true (column_visible_after_layout (96));
  g_assert_false (column_visible_after_layout (120));

  g_object_set (gtk_settings_get_default (), "gtk-xft-dpi", dpi, NULL);
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
  adw_init ();

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 27, 11, 2026);
  dir = g_dir_make_tmp ("test-bases-view-XXXXXX", &error);
  g_assert_no_error (error);
  programme = open_demo ("programme.db", DEMO_COUNT);
  bases = list_bases (programme);
  g_assert_cmpuint (bases->len, ==, DEMO_COUNT);

  g_test_add_func ("/bases-view/search", test_search);
  g_test_add_func ("/bases-view/rows-follow-search", test_rows_follow_search);
  g_test_add_func ("/bases-view/filters", test_filters);
  g_test_add_func ("/bases-view/state-drop-down", test_state_drop_down);
  g_test_add_func ("/bases-view/sort-days-left", test_sort_days_left);
  g_test_add_func ("/bases-view/no-match", test_no_match);
  g_test_add_func ("/bases-view/domain-filter-api", test_domain_filter_api);
  g_test_add_func ("/bases-view/base-page", test_base_page);
  g_test_add_func ("/bases-view/established-page", test_established_page);
  g_test_add_func ("/bases-view/activate-row", test_activate_row);
  g_test_add_func ("/bases-view/programme-away", test_programme_away);
  g_test_add_func ("/bases-view/strictness", test_strictness);
  g_test_add_func ("/bases-view/large-text", test_large_text);
  g_test_add_func ("/bases-view/search-speed", test_search_speed);

  status = g_test_run ();

  g_ptr_array_unref (bases);
  g_object_unref (programme);
  remove_tree (dir);
  g_free (dir);

  return status;
}
