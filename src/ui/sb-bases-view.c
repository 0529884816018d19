/* sb-bases-view.c: the Bases section: a searchable list, and a page per base
 *
 * The window owns the bases and hands them in as a GListModel; the view
 * sorts them (GtkSortListModel with the column view's sorter) and then
 * filters them (GtkFilterListModel with an SbBaseListFilter).  Sorting
 * before filtering means a keystroke in the search re-filters without
 * re-sorting.  The filter drop-downs are filled from reference rows the
 * window reads with sb_statistics_list_domains() and its siblings, so the
 * view itself never touches the database except through SbBasePage.
 */
#define G_LOG_DOMAIN "sb-bases-view"

#include "config.h"

#include <glib/gi18n.h>

#include "sb-base.h"
#include "sb-bases-view.h"
#include "sb-row-model.h"
#include "sb-row.h"
#include "sb-locale.h"
#include "sb-statistics.h"

/* A column whose width follows its texts. */
typedef struct
{
  GtkColumnViewColumn *column;
  int                  natural;  /* its longest text */
  int                  narrow;   /* its limit in a narrow window */
} ColumnFit;

struct _SbBasesView
{
  AdwBin                    parent_instance;

  gboolean                  model_attached;

  /* Template widgets */
  GtkStack                 *stack;
  GtkBox                   *list_page;
  GtkSearchEntry           *search_entry;
  GtkDropDown              *domain_drop_down;
  GtkDropDown              *state_drop_down;
  GtkDropDown              *city_drop_down;
  GtkDropDown              *tag_drop_down;
  GtkListItemFactory       *state_list_factory;
  GtkLabel                 *count_label;
  GtkStack                 *list_stack;
  GtkColumnView            *column_view;
  GtkSingleSelection       *selection;
  SbRowModel               *row_model;
  SbBase                   *selected_base;  /* what the selected row shows */
  guint                     selected_position;
  GtkColumnViewColumn      *city_column;
  GtkColumnViewColumn      *domain_column;
  GtkColumnViewColumn      *state_column;
  GtkColumnViewColumn      *deadline_column;
  GtkColumnViewColumn      *days_left_column;
  GtkFilterListModel       *filter_model;
  SbBaseListFilter         *filter;
  GtkSortListModel         *sort_model;
  GtkButton                *back_button;
  GtkRevealer              *base_title_revealer;
  GtkLabel                 *base_title_label;
  SbBasePage               *base_page;

  GListModel               *bases;
  SbProgramme              *programme;

  /* What each drop-down position stands for; NULL at 0, "All …". */
  GPtrArray                *domain_codes;
  GPtrArray                *city_codes;
  GPtrArray                *tag_codes;
  GPtrArray                *state_ids;
  GArray                   *state_nested;  /* gboolean: a state under its phase */
  int                       acting_role;   /* the profile's SbRole, or -1 */
  GPtrArray                *city_names;    /* for the columns' widths */
  GPtrArray                *domain_names;

  ColumnFit                 fits[5];
  int                       em;
  gboolean                  fits_measured;

  guint                     warm_source;   /* preparing the search texts */
  guint                     warm_position;

  gboolean                  syncing;       /* filter → drop-downs */
};

G_DEFINE_FINAL_TYPE (SbBasesView, sb_bases_view, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_BASES,
  PROP_PROGRAMME,
  PROP_SHOWING_BASE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Helpers */

static GPtrArray *
new_codes (void)
{
  GPtrArray *codes = g_ptr_array_new_with_free_func (g_free);

  g_ptr_array_add (codes, NULL);
  return codes;
}

static guint
find_code (GPtrArray  *codes,
           const char *code)
{
  for (guint i = 1; code != NULL && i < codes->len; i++)
    {
      if (g_strcmp0 (g_ptr_array_index (codes, i), code) == 0)
        return i;
    }

  return 0;
}

/* The short columns are as wide as their longest possible text, and the
 * names share the rest.  When the window is too narrow for that, the
 * short columns give up width first, down to a limit in ems, so that the
 * names stay readable.  The widths are fixed, because widths taken from the
 * rows shown would change while scrolling, and measured, because Chinese
 * labels are narrower than English ones, with a label's font: the column
 * view's own is not the one its cells use.
 */
static int
measure_text (SbBasesView *self,
              const char  *text)
{
  g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (GTK_WIDGET (self->count_label), text);
  int width;

  pango_layout_get_pixel_size (layout, &width, NULL);
  return width;
}

static void
fit_column (SbBasesView *self,
            ColumnFit   *fit,
            GPtrArray   *texts,
            int          extra,
            double       wide_ems,     /* 0: no limit */
            double       narrow_ems)
{
  /* Cells pad 6 px on each side and have a border, and a few pixels spare
   * for rounding; a header adds its sort arrow. */
  const int padding = 16;
  /* The same words take more room in English than in Chinese. */
  double scale = sb_locale_prefers_chinese () ? 1.0 : 1.4;
  int width = measure_text (self, gtk_column_view_column_get_title (fit->column)) + padding + 22;

  for (guint i = 0; i < texts->len; i++)
    width = MAX (width, measure_text (self, g_ptr_array_index (texts, i)) + padding + extra);

  if (wide_ems > 0)
    width = MIN (width, (int) (wide_ems * scale * self->em) + padding + extra);
  fit->natural = width;
  /* The narrow widths are not scaled: English labels may be cut there, so
   * that at 1024 pixels the names keep room to be read. */
  fit->narrow = narrow_ems > 0 ? MIN (width, (int) (narrow_ems * self->em) + padding + extra) : width;
}

static void
measure_columns (SbBasesView *self)
{
  g_autoptr(GPtrArray) states = g_ptr_array_new ();
  g_autoptr(GPtrArray) deadlines = g_ptr_array_new ();
  g_autoptr(GPtrArray) days = g_ptr_array_new_with_free_func (g_free);

  for (guint s = 0; s < SB_N_BASE_STATES; s++)
    g_ptr_array_add (states, (gpointer) sb_base_state_get_label (s));
  for (guint k = 0; k < SB_N_DEADLINE_KINDS; k++)
    g_ptr_array_add (deadlines, (gpointer) sb_deadline_kind_get_label (k));
  g_ptr_array_add (days, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d day left", "%d days left", 999), 999));
  g_ptr_array_add (days, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d day overdue", "%d days overdue", 999), 999));
  g_ptr_array_add (days, g_strdup (_("Due today")));

  self->em = MAX (1, measure_text (self, "汉汉汉汉") / 4);
  self->fits[0].column = self->city_column;
  fit_column (self, &self->fits[0], self->city_names, 0, 11, 4.5);
  self->fits[1].column = self->domain_column;
  fit_column (self, &self->fits[1], self->domain_names, 0, 14, 8);
  self->fits[2].column = self->state_column;
  fit_column (self, &self->fits[2], states, 0, 14, 9);
  self->fits[3].column = self->deadline_column;
  fit_column (self, &self->fits[3], deadlines, 0, 16, 8);
  /* Never cut, with the overdue icon and its spacing. */
  self->fits[4].column = self->days_left_column;
  fit_column (self, &self->fits[4], days, 16 + 6, 0, 0);
}

/* Measured when next allocated: only then is the widget's font known. */
static void
update_column_widths (SbBasesView *self)
{
  self->fits_measured = FALSE;
  gtk_widget_queue_allocate (GTK_WIDGET (self));
}

static gboolean
queue_resize_idle (gpointer user_data)
{
  gtk_widget_queue_resize (GTK_WIDGET (user_data));
  return G_SOURCE_REMOVE;
}

/* The names need some 36 ems between them to be read at a glance; the
 * short columns share what is left, between their narrow and natural
 * widths.  The widths follow the window, never the rows shown. */
static void
apply_column_widths (SbBasesView *self,
                     int          width)
{
  /* With large text even the narrow widths can leave the names too little
   * to be read (some 18 ems between them in English at 1024 pixels): then
   * the deadline's kind gives way (its days left stay, and the base's page
   * lists every deadline), then the city. */
  static const guint give_way[] = { 3, 0 };
  int available = width - 36 * self->em;
  int natural = 0, narrow = 0;
  double t;

  for (guint i = 0; i < G_N_ELEMENTS (self->fits); i++)
    narrow += self->fits[i].narrow;
  for (guint k = 0; k < G_N_ELEMENTS (give_way); k++)
    {
      ColumnFit *fit = &self->fits[give_way[k]];
      gboolean visible = width - narrow >= 24 * self->em;

      if (fit->column != NULL && gtk_column_view_column_get_visible (fit->column) != visible)
        {
          gtk_column_view_column_set_visible (fit->column, visible);
          /* The column view measures its columns again only when next
           * asked, which a change made while allocating does not do. */
          g_idle_add_full (G_PRIORITY_HIGH_IDLE, queue_resize_idle,
                           g_object_ref (self->column_view), g_object_unref);
        }
      if (!visible)
        narrow -= fit->narrow;
    }

  narrow = 0;
  for (guint i = 0; i < G_N_ELEMENTS (self->fits); i++)
    {
      if (self->fits[i].column != NULL && !gtk_column_view_column_get_visible (self->fits[i].column))
        continue;
      natural += self->fits[i].natural;
      narrow += self->fits[i].narrow;
    }

  if (available >= natural || natural == narrow)
    t = 1;
  else if (available <= narrow)
    t = 0;
  else
    t = (double) (available - narrow) / (natural - narrow);

  for (guint i = 0; i < G_N_ELEMENTS (self->fits); i++)
    {
      ColumnFit *fit = &self->fits[i];
      int fixed = fit->narrow + (int) (t * (fit->natural - fit->narrow));

      /* GTK 4.8 still counts a hidden column's width when it shares the
       * rest among the expanding ones: a hidden column is 0 wide. */
      if (fit->column != NULL && !gtk_column_view_column_get_visible (fit->column))
        fixed = 0;

      if (fit->column != NULL && gtk_column_view_column_get_fixed_width (fit->column) != fixed)
        gtk_column_view_column_set_fixed_width (fit->column, fixed);
    }
}

/* A drop-down's "All …" first, then one row per reference row. */
static GPtrArray *
fill_drop_down (GtkDropDown *drop_down,
                const char  *all_label,
                GArray      *references,
                GPtrArray   *names)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  GPtrArray *codes = new_codes ();

  gtk_string_list_append (labels, all_label);
  for (guint i = 0; references != NULL && i < references->len; i++)
    {
      const SbReference *reference = &g_array_index (references, SbReference, i);
      const char *name = sb_locale_pick (reference->name_zh, reference->name_en);

      gtk_string_list_append (labels, name);
      g_ptr_array_add (codes, g_strdup (reference->code));
      if (names != NULL)
        g_ptr_array_add (names, g_strdup (name));
    }
  gtk_drop_down_set_model (drop_down, G_LIST_MODEL (labels));

  return codes;
}

/* Every phase, and under a phase of several states each of its states
 * whose id is not the phase's own (those mean the phase). */
static void
fill_state_drop_down (SbBasesView *self)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  gboolean nested = FALSE;

  g_clear_pointer (&self->state_ids, g_ptr_array_unref);
  g_clear_pointer (&self->state_nested, g_array_unref);
  self->state_ids = new_codes ();
  self->state_nested = g_array_new (FALSE, TRUE, sizeof (gboolean));

  gtk_string_list_append (labels, _("All States"));
  g_array_append_val (self->state_nested, nested);

  /* The profile's own to-do list first. */
  if (self->acting_role >= 0)
    {
      gtk_string_list_append (labels, _("Waiting for Me"));
      g_ptr_array_add (self->state_ids, g_strdup (SB_BASE_LIST_FILTER_WAITING));
      g_array_append_val (self->state_nested, nested);
    }

  for (guint p = 0; p < SB_N_PHASES; p++)
    {
      guint n_states = 0;

      for (guint s = 0; s < SB_N_BASE_STATES; s++)
        n_states += sb_base_state_get_phase (s) == p;

      gtk_string_list_append (labels, sb_phase_get_label (p));
      g_ptr_array_add (self->state_ids, g_strdup (sb_phase_to_string (p)));
      nested = FALSE;
      g_array_append_val (self->state_nested, nested);

      for (guint s = 0; n_states > 1 && s < SB_N_BASE_STATES; s++)
        {
          if (sb_base_state_get_phase (s) != p
              || g_strcmp0 (sb_base_state_to_string (s), sb_phase_to_string (p)) == 0)
            continue;

          gtk_string_list_append (labels, sb_base_state_get_label (s));
          g_ptr_array_add (self->state_ids, g_strdup (sb_base_state_to_string (s)));
          nested = TRUE;
          g_array_append_val (self->state_nested, nested);
        }
    }

  gtk_drop_down_set_model (self->state_drop_down, G_LIST_MODEL (labels));
}

static void
select_code (SbBasesView *self,
             GtkDropDown *drop_down,
             GPtrArray   *codes,
             const char  *code)
{
  guint position = find_code (codes, code);

  if (gtk_drop_down_get_selected (drop_down) != position)
    gtk_drop_down_set_selected (drop_down, position);
}

/* The filter is the truth; the search entry and drop-downs show it. */
static void
sync_controls (SbBasesView *self)
{
  const char *text = sb_base_list_filter_get_search_text (self->filter);

  self->syncing = TRUE;
  select_code (self, self->domain_drop_down, self->domain_codes,
               sb_base_list_filter_get_domain_code (self->filter));
  select_code (self, self->state_drop_down, self->state_ids,
               sb_base_list_filter_get_state (self->filter));
  select_code (self, self->city_drop_down, self->city_codes,
               sb_base_list_filter_get_city_code (self->filter));
  select_code (self, self->tag_drop_down, self->tag_codes,
               sb_base_list_filter_get_tag_code (self->filter));
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->search_entry)), text ? text : "") != 0)
    gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text ? text : "");
  self->syncing = FALSE;
}

static void
update_actions (SbBasesView *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "bases.clear-filters",
                                 sb_base_list_filter_get_active (self->filter));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "bases.show-list",
                                 sb_bases_view_get_showing_base (self));
}

static void
update_list_state (SbBasesView *self)
{
  guint n_all = self->bases ? g_list_model_get_n_items (self->bases) : 0;
  guint n_visible = g_list_model_get_n_items (G_LIST_MODEL (self->filter_model));
  g_autofree char *count = NULL;

  if (n_visible == n_all)
    count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u base", "%u bases", n_all), n_all);
  else
    /* Translators: bases shown of all bases, e.g. "6 of 72" */
    count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of %u", "%u of %u", n_all),
                             n_visible, n_all);
  gtk_label_set_text (self->count_label, count);

  if (n_visible > 0)
    gtk_stack_set_visible_child_name (self->list_stack, "table");
  else if (n_all > 0)
    gtk_stack_set_visible_child_name (self->list_stack, "no-match");
  else
    gtk_stack_set_visible_child_name (self->list_stack, "empty");
}

/* SbBase folds its names for searching the first time it is searched,
 * which over 10 000 bases adds some 30 ms to the first keystroke: done
 * here instead, a slice at a time while nothing else happens. */
#define WARM_SLICE 1000

static gboolean
warm_search_texts (gpointer user_data)
{
  SbBasesView *self = user_data;
  guint n_items = self->bases ? g_list_model_get_n_items (self->bases) : 0;
  guint end = MIN (n_items, self->warm_position + WARM_SLICE);

  for (; self->warm_position < end; self->warm_position++)
    {
      g_autoptr(SbBase) base = g_list_model_get_item (self->bases, self->warm_position);

      sb_base_prepare_search (base);
    }

  if (self->warm_position < n_items)
    return G_SOURCE_CONTINUE;

  self->warm_source = 0;
  return G_SOURCE_REMOVE;
}

static void
schedule_warming (SbBasesView *self)
{
  self->warm_position = 0;
  if (self->warm_source == 0 && self->bases != NULL)
    self->warm_source = g_idle_add_full (G_PRIORITY_LOW, warm_search_texts, self, NULL);
}

/* Template callbacks */

static void
search_changed (SbBasesView    *self,
                GtkSearchEntry *entry)
{
  if (self->syncing)
    return;

  sb_base_list_filter_set_search_text (self->filter, gtk_editable_get_text (GTK_EDITABLE (entry)));
}

/* Escape empties the search; a second Escape has nothing left to do. */
static void
search_stopped (SbBasesView    *self,
                GtkSearchEntry *entry)
{
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
  sb_base_list_filter_set_search_text (self->filter, NULL);
}

/* Enter opens the first base found, as in GNOME's other searches. */
static void
search_activated (SbBasesView    *self,
                  GtkSearchEntry *entry)
{
  g_autoptr(SbBase) base = NULL;

  sb_base_list_filter_set_search_text (self->filter, gtk_editable_get_text (GTK_EDITABLE (entry)));
  base = g_list_model_get_item (G_LIST_MODEL (self->filter_model), 0);
  if (base != NULL)
    sb_bases_view_show_base (self, sb_base_get_id (base));
}

static void
drop_down_selected (SbBasesView *self,
                    GParamSpec  *pspec,
                    GtkDropDown *drop_down)
{
  guint position = gtk_drop_down_get_selected (drop_down);
  GPtrArray *codes;
  const char *code;

  if (self->syncing)
    return;

  if (drop_down == self->domain_drop_down)
    codes = self->domain_codes;
  else if (drop_down == self->state_drop_down)
    codes = self->state_ids;
  else if (drop_down == self->city_drop_down)
    codes = self->city_codes;
  else
    codes = self->tag_codes;

  code = position < codes->len ? g_ptr_array_index (codes, position) : NULL;

  if (drop_down == self->domain_drop_down)
    sb_base_list_filter_set_domain_code (self->filter, code);
  else if (drop_down == self->state_drop_down)
    sb_base_list_filter_set_state (self->filter, code);
  else if (drop_down == self->city_drop_down)
    sb_base_list_filter_set_city_code (self->filter, code);
  else
    sb_base_list_filter_set_tag_code (self->filter, code);
}

static void
option_setup (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              gpointer                  user_data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_list_item_set_child (item, label);
}

static void
option_bind (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             SbBasesView              *self)
{
  GtkWidget *label = gtk_list_item_get_child (item);
  GtkStringObject *option = gtk_list_item_get_item (item);
  guint position = gtk_list_item_get_position (item);
  gboolean nested = FALSE;

  if (factory == (GtkSignalListItemFactory *) self->state_list_factory
      && position < self->state_nested->len)
    nested = g_array_index (self->state_nested, gboolean, position);

  gtk_label_set_text (GTK_LABEL (label), gtk_string_object_get_string (option));
  gtk_widget_set_margin_start (label, nested ? 18 : 0);
}

static void
filter_notify (SbBasesView      *self,
               GParamSpec       *pspec,
               SbBaseListFilter *filter)
{
  sync_controls (self);
  update_actions (self);
}

/* The rows on screen, and ten more each side, change at once when the
 * filter does; the others just after (see sb-row-model.c). */
#define ROWS_BEYOND_SCREEN 10

static void
track_visible_rows (SbBasesView   *self,
                    GtkAdjustment *adjustment)
{
  guint n_items = g_list_model_get_n_items (G_LIST_MODEL (self->row_model));
  double upper = gtk_adjustment_get_upper (adjustment);
  double row_height;
  guint first, count;

  if (n_items == 0 || upper <= 0)
    return;

  row_height = upper / n_items;
  first = (guint) MAX (0.0, gtk_adjustment_get_value (adjustment) / row_height - ROWS_BEYOND_SCREEN);
  count = (guint) (gtk_adjustment_get_page_size (adjustment) / row_height) + 2 * ROWS_BEYOND_SCREEN;
  sb_row_model_set_visible_range (self->row_model, first, count);
}

static void
selection_changed (SbBasesView        *self,
                   GParamSpec         *pspec,
                   GtkSingleSelection *selection)
{
  SbRow *row = gtk_single_selection_get_selected_item (selection);
  guint position = gtk_single_selection_get_selected (selection);

  /* The selected row went because the list got shorter: the base may still
   * be there, higher up, and visible_bases_changed() will select it. */
  if (row == NULL && self->selected_position != GTK_INVALID_LIST_POSITION
      && self->selected_position >= g_list_model_get_n_items (G_LIST_MODEL (self->row_model)))
    return;

  self->selected_position = position;
  g_set_object (&self->selected_base, row ? sb_row_get_item (row) : NULL);
}

/* Rows keep their places when the filter changes the bases in them (see
 * sb-row-model.c): the selection follows the base, not the row.  Runs after
 * the rows have changed. */
static void
visible_bases_changed (SbBasesView *self,
                       guint        position,
                       guint        removed,
                       guint        added,
                       GListModel  *model)
{
  guint n_items = g_list_model_get_n_items (model);
  guint selected = GTK_INVALID_LIST_POSITION;

  update_list_state (self);

  if (self->selected_base == NULL)
    return;
  /* Most keystrokes leave it where it was: no need to look for it. */
  selected = gtk_single_selection_get_selected (self->selection);
  if (selected < n_items && selected == self->selected_position)
    {
      g_autoptr(SbBase) base = g_list_model_get_item (model, selected);

      if (base == self->selected_base)
        return;
    }
  selected = GTK_INVALID_LIST_POSITION;
  for (guint i = 0; i < n_items && selected == GTK_INVALID_LIST_POSITION; i++)
    {
      g_autoptr(SbBase) base = g_list_model_get_item (model, i);

      if (base == self->selected_base)
        selected = i;
    }
  gtk_single_selection_set_selected (self->selection, selected);
}

static void
attach_model (SbBasesView *self)
{
  if (self->model_attached)
    return;

  self->model_attached = TRUE;
  gtk_sort_list_model_set_model (self->sort_model, self->bases);
}

static void
bases_changed (SbBasesView *self,
               guint        position,
               guint        removed,
               guint        added,
               GListModel  *model)
{
  update_list_state (self);
  schedule_warming (self);
}

static void
row_activated (SbBasesView   *self,
               guint          position,
               GtkColumnView *column_view)
{
  g_autoptr(SbBase) base = g_list_model_get_item (G_LIST_MODEL (self->filter_model), position);

  if (base != NULL)
    sb_bases_view_show_base (self, sb_base_get_id (base));
}

static void
stack_page_changed (SbBasesView *self,
                    GParamSpec  *pspec,
                    GtkStack    *stack)
{
  update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOWING_BASE]);
}

static void
base_title_changed (SbBasesView *self,
                    GParamSpec  *pspec,
                    SbBasePage  *page)
{
  gtk_label_set_text (self->base_title_label, sb_base_page_get_title (page));
  gtk_revealer_set_reveal_child (self->base_title_revealer, !sb_base_page_get_title_visible (page));
}

/* A cell's tooltip is its whole text, when the cell cut it short: asked
 * for on hover, not set on every bind, which would slow re-filtering. */
static gboolean
cell_query_tooltip (GtkLabel   *label,
                    int         x,
                    int         y,
                    gboolean    keyboard,
                    GtkTooltip *tooltip,
                    gpointer    user_data)
{
  if (!pango_layout_is_ellipsized (gtk_label_get_layout (label)))
    return FALSE;

  gtk_tooltip_set_text (tooltip, gtk_label_get_text (label));
  return TRUE;
}

/* The cells are bound in code rather than by GtkBuilder templates: GTK 4.8
 * keeps some 200 rows bound whatever the window shows, and a keystroke
 * that changes the rows changes them all.  Templates with expressions
 * made that several times slower (see the search-speed test).
 *
 * The column view shows SbRows (sb-row-model.c), not the bases: a filter
 * changes the base a row shows, and the cell follows notify::item, so the
 * rows keep their widgets. */
typedef enum
{
  CELL_NAME,
  CELL_LEAD_UNIT,
  CELL_CITY,
  CELL_DOMAIN,
  CELL_STATE,
  CELL_DEADLINE,
  N_TEXT_CELLS
} TextCell;

static void
text_cell_setup (GtkSignalListItemFactory *factory,
                 GtkListItem              *item,
                 SbBasesView              *self)
{
  GtkWidget *label = gtk_label_new (NULL);
  TextCell cell = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (factory), "sb-cell"));

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  /* The names differ at their end: 山西省技术标准创新基地（×××）（筹） */
  gtk_label_set_ellipsize (GTK_LABEL (label), cell == CELL_NAME ? PANGO_ELLIPSIZE_START
                                                                : PANGO_ELLIPSIZE_END);
  gtk_widget_set_has_tooltip (label, TRUE);
  g_signal_connect (label, "query-tooltip", G_CALLBACK (cell_query_tooltip), NULL);
  gtk_list_item_set_child (item, label);
  g_object_set_data (G_OBJECT (item), "sb-cell", GINT_TO_POINTER (cell));
}

static void
fill_text_cell (GtkListItem *item)
{
  TextCell cell = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (item), "sb-cell"));
  SbBase *base = sb_row_get_item (gtk_list_item_get_item (item));
  g_autofree char *name = NULL;
  const SbDeadline *next;
  const char *text = NULL;

  switch (cell)
    {
    case CELL_NAME:
      text = name = sb_base_dup_name (base);
      break;
    case CELL_LEAD_UNIT:
      text = sb_base_get_lead_unit (base);
      break;
    case CELL_CITY:
      text = sb_base_get_city_name (base);
      break;
    case CELL_DOMAIN:
      text = sb_base_get_domain_name (base);
      break;
    case CELL_STATE:
      text = sb_base_state_get_label (sb_base_get_state (base));
      break;
    case CELL_DEADLINE:
      next = sb_base_get_next_deadline (base);
      text = next ? sb_deadline_kind_get_label (next->kind) : NULL;
      break;
    case N_TEXT_CELLS:
    default:
      g_assert_not_reached ();
    }

  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (item)), text ? text : "");
}

typedef void (*FillCell) (GtkListItem *item);

/* A bound cell fills itself from its row's base, now and whenever the row
 * takes another base. */
static void
follow_row (GtkListItem *item,
            FillCell     fill)
{
  fill (item);
  g_signal_connect_swapped (gtk_list_item_get_item (item), "notify::item", G_CALLBACK (fill), item);
}

static void
stop_following_row (GtkListItem *item,
                    FillCell     fill)
{
  g_signal_handlers_disconnect_by_func (gtk_list_item_get_item (item), fill, item);
}

static void
text_cell_bind (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                SbBasesView              *self)
{
  follow_row (item, fill_text_cell);
}

static void
text_cell_unbind (GtkSignalListItemFactory *factory,
                  GtkListItem              *item,
                  SbBasesView              *self)
{
  stop_following_row (item, fill_text_cell);
}

/* The Days Left column is bound in code, to change its style classes
 * only when they change: overdue is said by an icon and the text ("3 days
 * overdue"), not by colour alone. */
static void
days_left_setup (GtkSignalListItemFactory *factory,
                 GtkListItem              *item,
                 gpointer                  user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *icon = gtk_image_new_from_icon_name ("milestone-overdue-symbolic");
  GtkWidget *label = gtk_label_new (NULL);

  gtk_widget_add_css_class (icon, "error");
  gtk_widget_set_visible (icon, FALSE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (label, "numeric");
  gtk_box_append (GTK_BOX (box), icon);
  gtk_box_append (GTK_BOX (box), label);
  gtk_list_item_set_child (item, box);
}

static void
set_css_class (GtkWidget  *widget,
               const char *css_class,
               gboolean    wanted)
{
  if (wanted == gtk_widget_has_css_class (widget, css_class))
    return;

  if (wanted)
    gtk_widget_add_css_class (widget, css_class);
  else
    gtk_widget_remove_css_class (widget, css_class);
}

static void
fill_days_left_cell (GtkListItem *item)
{
  SbBase *base = sb_row_get_item (gtk_list_item_get_item (item));
  const SbDeadline *next = sb_base_get_next_deadline (base);
  GtkWidget *icon = gtk_widget_get_first_child (gtk_list_item_get_child (item));
  GtkWidget *label = gtk_widget_get_next_sibling (icon);
  g_autofree char *text = NULL;
  gboolean overdue = next != NULL && g_date_valid (&next->date) && next->days_left < 0;
  gboolean soon = next != NULL && !overdue && next->days_left <= SB_DEADLINE_DUE_SOON_DAYS;

  g_object_get (base, "days-left-label", &text, NULL);
  gtk_label_set_text (GTK_LABEL (label), text);
  gtk_widget_set_visible (icon, overdue);
  set_css_class (label, "error", overdue);
  set_css_class (label, "warning", soon);
}

static void
days_left_bind (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                gpointer                  user_data)
{
  follow_row (item, fill_days_left_cell);
}

static void
days_left_unbind (GtkSignalListItemFactory *factory,
                  GtkListItem              *item,
                  gpointer                  user_data)
{
  stop_following_row (item, fill_days_left_cell);
}

/* Sorting by days left puts what cannot be computed first, then the
 * overdue, then the rest by date, and bases with nothing pending last. */
static int
days_left_sort_key (SbBase   *base,
                    gpointer  user_data)
{
  const SbDeadline *next = base != NULL ? sb_base_get_next_deadline (base) : NULL;

  if (next == NULL)
    return G_MAXINT;
  if (!g_date_valid (&next->date))
    return G_MININT;

  return next->days_left;
}

/* Actions */

static void
show_list_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  sb_bases_view_show_list (SB_BASES_VIEW (widget));
}

static void
clear_filters_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  sb_bases_view_clear_filters (SB_BASES_VIEW (widget));
}

static void
focus_search_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  sb_bases_view_focus_search (SB_BASES_VIEW (widget));
}

/* GtkWidget */

/* A bin, with no layout manager: its allocation sets the column widths. */
static void
sb_bases_view_measure (GtkWidget      *widget,
                       GtkOrientation  orientation,
                       int             for_size,
                       int            *minimum,
                       int            *natural,
                       int            *minimum_baseline,
                       int            *natural_baseline)
{
  GtkWidget *child = adw_bin_get_child (ADW_BIN (widget));

  if (child != NULL)
    gtk_widget_measure (child, orientation, for_size, minimum, natural,
                        minimum_baseline, natural_baseline);
}

static void
sb_bases_view_size_allocate (GtkWidget *widget,
                             int        width,
                             int        height,
                             int        baseline)
{
  SbBasesView *self = SB_BASES_VIEW (widget);
  GtkWidget *child = adw_bin_get_child (ADW_BIN (widget));

  if (!self->fits_measured)
    {
      measure_columns (self);
      self->fits_measured = TRUE;
    }
  apply_column_widths (self, width);

  if (child != NULL)
    gtk_widget_allocate (child, width, height, baseline, NULL);
}

static void
font_changed (SbBasesView *self)
{
  update_column_widths (self);
}

static void
sb_bases_view_root (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (sb_bases_view_parent_class)->root (widget);

  g_signal_connect_object (gtk_widget_get_settings (widget), "notify::gtk-font-name",
                           G_CALLBACK (font_changed), widget, G_CONNECT_SWAPPED);
  g_signal_connect_object (gtk_widget_get_settings (widget), "notify::gtk-xft-dpi",
                           G_CALLBACK (font_changed), widget, G_CONNECT_SWAPPED);
  update_column_widths (SB_BASES_VIEW (widget));
}

static void
sb_bases_view_map (GtkWidget *widget)
{
  attach_model (SB_BASES_VIEW (widget));

  GTK_WIDGET_CLASS (sb_bases_view_parent_class)->map (widget);
}

static void
sb_bases_view_unroot (GtkWidget *widget)
{
  g_signal_handlers_disconnect_by_func (gtk_widget_get_settings (widget), font_changed, widget);

  GTK_WIDGET_CLASS (sb_bases_view_parent_class)->unroot (widget);
}

/* GObject */

static void
sb_bases_view_dispose (GObject *object)
{
  SbBasesView *self = (SbBasesView *)object;

  g_clear_handle_id (&self->warm_source, g_source_remove);
  g_clear_object (&self->selected_base);

  /* The columns go with the column view: nothing is to be re-sorted or
   * counted while they do. */
  if (self->sort_model != NULL)
    gtk_sort_list_model_set_sorter (self->sort_model, NULL);
  if (self->filter_model != NULL)
    g_signal_handlers_disconnect_by_data (self->filter_model, self);
  if (self->bases != NULL)
    g_signal_handlers_disconnect_by_func (self->bases, bases_changed, self);

  g_clear_object (&self->bases);
  g_clear_object (&self->programme);
  self->stack = NULL;

  gtk_widget_dispose_template (GTK_WIDGET (self), SB_TYPE_BASES_VIEW);

  G_OBJECT_CLASS (sb_bases_view_parent_class)->dispose (object);
}

static void
sb_bases_view_finalize (GObject *object)
{
  SbBasesView *self = (SbBasesView *)object;

  g_ptr_array_unref (self->domain_codes);
  g_ptr_array_unref (self->city_codes);
  g_ptr_array_unref (self->tag_codes);
  g_ptr_array_unref (self->state_ids);
  g_array_unref (self->state_nested);
  g_ptr_array_unref (self->domain_names);
  g_ptr_array_unref (self->city_names);

  G_OBJECT_CLASS (sb_bases_view_parent_class)->finalize (object);
}

static void
sb_bases_view_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  SbBasesView *self = SB_BASES_VIEW (object);

  switch (prop_id)
    {
    case PROP_BASES:
      g_value_set_object (value, self->bases);
      break;
    case PROP_PROGRAMME:
      g_value_set_object (value, self->programme);
      break;
    case PROP_SHOWING_BASE:
      g_value_set_boolean (value, sb_bases_view_get_showing_base (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sb_bases_view_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  SbBasesView *self = SB_BASES_VIEW (object);

  switch (prop_id)
    {
    case PROP_BASES:
      sb_bases_view_set_bases (self, g_value_get_object (value));
      break;
    case PROP_PROGRAMME:
      sb_bases_view_set_programme (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sb_bases_view_class_init (SbBasesViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sb_bases_view_dispose;
  object_class->finalize = sb_bases_view_finalize;
  object_class->get_property = sb_bases_view_get_property;
  object_class->set_property = sb_bases_view_set_property;

  widget_class->measure = sb_bases_view_measure;
  widget_class->size_allocate = sb_bases_view_size_allocate;
  widget_class->root = sb_bases_view_root;
  widget_class->unroot = sb_bases_view_unroot;
  widget_class->map = sb_bases_view_map;

  /**
   * SbBasesView:bases:
   *
   * The bases to list (element-type SbBase), owned by the window.  Tags
   * and co-applicants, which the filters and the search use, are on them
   * only after sb_base_store_read_search_data().
   */
  properties[PROP_BASES] =
    g_param_spec_object ("bases", NULL, NULL, G_TYPE_LIST_MODEL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * SbBasesView:programme:
   *
   * The programme the base pages read from.  The window sets it to %NULL
   * before a worker thread uses the programme, and back when it is done.
   */
  properties[PROP_PROGRAMME] =
    g_param_spec_object ("programme", NULL, NULL, SB_TYPE_PROGRAMME,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * SbBasesView:showing-base:
   *
   * Whether a base's page is shown rather than the list.
   */
  properties[PROP_SHOWING_BASE] =
    g_param_spec_boolean ("showing-base", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* The template and its list item factories look these up by name. */
  g_type_ensure (SB_TYPE_BASE);
  g_type_ensure (SB_TYPE_BASE_LIST_FILTER);
  g_type_ensure (SB_TYPE_BASE_PAGE);
  g_type_ensure (SB_TYPE_ROW_MODEL);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/shanxi/StdBase/ui/sb-bases-view.ui");
  gtk_widget_class_bind_template_child (widget_class, SbBasesView, list_page);
  gtk_widget_class_bind_template_child (widget_class, SbBasesView, search_entry);
  gtk_widget_class_bind_template_child (widget_class, SbBasesView, domain_drop_down);
  gtk_widget_class_bind_template_child (widget_class, SbBasesView, state_drop_down);
  gtk_widget_class_bind_template_child (widget_class, SbBasesView, city_drop_down);
  gtk_widget_class_bind_template_child (widget_class, SbBasesView, tag_drop_down);
  gtk_widget_class_bind_template_child (widget_class, SbBasesView, state_list_factory);
  gtk_widget_class_bind_template_child (widget_class, SbBasesView, count_label);
  gtk_widget_class_bind_template_child (widget_class, SbBasesView, list_stack);
  gtk_widget_class_bind_template_child (widget_class, SbBasesView, column_view);
  gtk_widget_class_bind_template_child (widget_class, SbBasesView, selection);
  gtk_widget_class_bind_template_child (widget_class, SbBasesView, row_model);
  gtk_widget_class_bind_template_child (widget_class, SbBasesView, city_column);
  gtk_widget_class_bind_template_child (widget_class, SbBasesView, domain_column);
  gtk_widget_class_bind_template_child (widget_class, SbBasesView, state_column);
  gtk_widget_class_bind_template_child (widget_class, SbBasesView, deadline_column);
  gtk_widget_class_bind_template_child (widget_class, SbBasesView, days_left_column);
  gtk_widget_class_bind_template_child (widget_class, SbBasesView, filter_model);
  gtk_widget_class_bind_template_child (widget_class, SbBasesView, filter);
  gtk_widget_class_bind_template_child (widget_class, SbBasesView, sort_model);
  gtk_widget_class_bind_template_child (widget_class, SbBasesView, back_button);
  gtk_widget_class_bind_template_child (widget_class, SbBasesView, base_title_revealer);
  gtk_widget_class_bind_template_child (widget_class, SbBasesView, base_title_label);
  gtk_widget_class_bind_template_child (widget_class, SbBasesView, base_page);

  gtk_widget_class_bind_template_callback (widget_class, search_changed);
  gtk_widget_class_bind_template_callback (widget_class, search_stopped);
  gtk_widget_class_bind_template_callback (widget_class, search_activated);
  gtk_widget_class_bind_template_callback (widget_class, drop_down_selected);
  gtk_widget_class_bind_template_callback (widget_class, option_setup);
  gtk_widget_class_bind_template_callback (widget_class, option_bind);
  gtk_widget_class_bind_template_callback (widget_class, filter_notify);
  gtk_widget_class_bind_template_callback (widget_class, visible_bases_changed);
  gtk_widget_class_bind_template_callback (widget_class, selection_changed);
  gtk_widget_class_bind_template_callback (widget_class, row_activated);
  gtk_widget_class_bind_template_callback (widget_class, stack_page_changed);
  gtk_widget_class_bind_template_callback (widget_class, base_title_changed);
  gtk_widget_class_bind_template_callback (widget_class, text_cell_setup);
  gtk_widget_class_bind_template_callback (widget_class, text_cell_bind);
  gtk_widget_class_bind_template_callback (widget_class, days_left_setup);
  gtk_widget_class_bind_template_callback (widget_class, days_left_bind);
  gtk_widget_class_bind_template_callback (widget_class, days_left_unbind);
  gtk_widget_class_bind_template_callback (widget_class, text_cell_unbind);
  gtk_widget_class_bind_template_callback (widget_class, days_left_sort_key);

  gtk_widget_class_install_action (widget_class, "bases.show-list", NULL, show_list_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "bases.show-list", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "bases.show-list", NULL);
  gtk_widget_class_install_action (widget_class, "bases.clear-filters", NULL, clear_filters_action);
  gtk_widget_class_install_action (widget_class, "bases.focus-search", NULL, focus_search_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "bases.focus-search", NULL);
}

/* GtkDropDown (GTK 4.8) takes the keyboard focus on a toggle button of its
 * own that has no name, so a screen reader says nothing useful when it is
 * reached with Tab: the button gets the drop-down's name, its tooltip. */
static void
name_drop_down_button (GtkDropDown *drop_down)
{
  GtkWidget *button = gtk_widget_get_first_child (GTK_WIDGET (drop_down));
  const char *name = gtk_widget_get_tooltip_text (GTK_WIDGET (drop_down));

  if (GTK_IS_TOGGLE_BUTTON (button) && name != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                    -1);
}

static void
sb_bases_view_init (SbBasesView *self)
{
  GtkAdjustment *vadjustment;

  self->acting_role = -1;
  self->selected_position = GTK_INVALID_LIST_POSITION;
  self->domain_codes = new_codes ();
  self->city_codes = new_codes ();
  self->tag_codes = new_codes ();
  self->domain_names = g_ptr_array_new_with_free_func (g_free);
  self->city_names = g_ptr_array_new_with_free_func (g_free);

  gtk_widget_set_layout_manager (GTK_WIDGET (self), NULL);
  gtk_widget_init_template (GTK_WIDGET (self));

  /* Not a bound template child: AdwBin unparents its child itself, and
   * gtk_widget_dispose_template() would do it a second time. */
  self->stack = GTK_STACK (adw_bin_get_child (ADW_BIN (self)));

  vadjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (self->column_view));
  g_signal_connect_object (vadjustment, "value-changed", G_CALLBACK (track_visible_rows),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (vadjustment, "changed", G_CALLBACK (track_visible_rows),
                           self, G_CONNECT_SWAPPED);

  name_drop_down_button (self->domain_drop_down);
  name_drop_down_button (self->state_drop_down);
  name_drop_down_button (self->city_drop_down);
  name_drop_down_button (self->tag_drop_down);

  /* Before the drop-downs get their models, so no selection is taken for
   * a filter change. */
  self->syncing = TRUE;
  fill_state_drop_down (self);
  g_ptr_array_unref (fill_drop_down (self->domain_drop_down, _("All Domains"), NULL, NULL));
  g_ptr_array_unref (fill_drop_down (self->city_drop_down, _("All Cities"), NULL, NULL));
  g_ptr_array_unref (fill_drop_down (self->tag_drop_down, _("All Tags"), NULL, NULL));
  self->syncing = FALSE;
  update_column_widths (self);

  /* The text columns come first, in the order of TextCell. */
  for (guint i = 0; i < N_TEXT_CELLS; i++)
    {
      g_autoptr(GtkColumnViewColumn) column =
        g_list_model_get_item (gtk_column_view_get_columns (self->column_view), i);

      g_object_set_data (G_OBJECT (gtk_column_view_column_get_factory (column)),
                         "sb-cell", GINT_TO_POINTER (i));
    }

  gtk_sort_list_model_set_sorter (self->sort_model, gtk_column_view_get_sorter (self->column_view));
  gtk_search_entry_set_key_capture_widget (self->search_entry, GTK_WIDGET (self->list_page));

  update_list_state (self);
  update_actions (self);
}

/* Public API */

GtkWidget *
sb_bases_view_new (void)
{
  return g_object_new (SB_TYPE_BASES_VIEW, NULL);
}

GListModel *
sb_bases_view_get_bases (SbBasesView *self)
{
  g_return_val_if_fail (SB_IS_BASES_VIEW (self), NULL);

  return self->bases;
}

/**
 * sb_bases_view_set_bases:
 * @bases: (nullable): a model of #SbBase
 */
void
sb_bases_view_set_bases (SbBasesView *self,
                         GListModel  *bases)
{
  g_return_if_fail (SB_IS_BASES_VIEW (self));
  g_return_if_fail (bases == NULL || G_IS_LIST_MODEL (bases));

  if (self->bases == bases)
    return;

  if (self->bases != NULL)
    g_signal_handlers_disconnect_by_func (self->bases, bases_changed, self);
  g_set_object (&self->bases, bases);
  if (bases != NULL)
    g_signal_connect_object (bases, "items-changed", G_CALLBACK (bases_changed), self,
                             G_CONNECT_SWAPPED);

  /* The column view builds its rows as soon as it has a model, even
   * while another section is shown; with thousands of bases that would
   * delay the first window, so the model is attached when the list is
   * first needed. */
  self->model_attached = FALSE;
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    attach_model (self);
  update_list_state (self);
  schedule_warming (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BASES]);
}

SbProgramme *
sb_bases_view_get_programme (SbBasesView *self)
{
  g_return_val_if_fail (SB_IS_BASES_VIEW (self), NULL);

  return self->programme;
}

/**
 * sb_bases_view_set_programme:
 * @programme: (nullable): the open programme, or %NULL while a worker
 *   thread uses it
 *
 * An open base page reads its base again when the programme comes back.
 */
void
sb_bases_view_set_programme (SbBasesView *self,
                             SbProgramme *programme)
{
  g_return_if_fail (SB_IS_BASES_VIEW (self));
  g_return_if_fail (programme == NULL || SB_IS_PROGRAMME (programme));

  if (!g_set_object (&self->programme, programme))
    return;

  sb_base_page_set_programme (self->base_page, programme);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROGRAMME]);
}

/**
 * sb_bases_view_set_today:
 * @today: the date the base pages judge deadlines on
 */
void
sb_bases_view_set_today (SbBasesView *self,
                         const GDate *today)
{
  g_return_if_fail (SB_IS_BASES_VIEW (self));

  sb_base_page_set_today (self->base_page, today);
}

/**
 * sb_bases_view_set_reference_data:
 * @domains: (nullable) (element-type SbReference): from sb_statistics_list_domains()
 * @cities: (nullable) (element-type SbReference): from sb_statistics_list_cities()
 * @tags: (nullable) (element-type SbReference): from sb_statistics_list_tags()
 *
 * Fills the filter drop-downs, in the order of the arrays, with the names
 * the locale prefers.  The arrays are copied from; the filter keeps any
 * code it already had.
 */
void
sb_bases_view_set_reference_data (SbBasesView *self,
                                  GArray      *domains,
                                  GArray      *cities,
                                  GArray      *tags)
{
  g_return_if_fail (SB_IS_BASES_VIEW (self));

  self->syncing = TRUE;
  g_ptr_array_set_size (self->domain_names, 0);
  g_ptr_array_set_size (self->city_names, 0);
  g_ptr_array_unref (self->domain_codes);
  self->domain_codes = fill_drop_down (self->domain_drop_down, _("All Domains"), domains, self->domain_names);
  g_ptr_array_unref (self->city_codes);
  self->city_codes = fill_drop_down (self->city_drop_down, _("All Cities"), cities, self->city_names);
  g_ptr_array_unref (self->tag_codes);
  self->tag_codes = fill_drop_down (self->tag_drop_down, _("All Tags"), tags, NULL);
  self->syncing = FALSE;

  sync_controls (self);
  update_column_widths (self);
}

/**
 * sb_bases_view_set_domain_filter:
 * @code: (nullable): a domain code, or %NULL for all domains
 *
 * Shows the list of the bases of one domain, as a dashboard card promises:
 * the search and the other filters are cleared first.
 */
void
sb_bases_view_set_domain_filter (SbBasesView *self,
                                 const char  *code)
{
  g_return_if_fail (SB_IS_BASES_VIEW (self));

  attach_model (self);

  sb_bases_view_show_list (self);
  sb_base_list_filter_clear (self->filter);
  sb_base_list_filter_set_domain_code (self->filter, code);
}

void
sb_bases_view_clear_filters (SbBasesView *self)
{
  g_return_if_fail (SB_IS_BASES_VIEW (self));

  sb_base_list_filter_clear (self->filter);
}

/**
 * sb_bases_view_focus_search:
 *
 * Shows the list and puts the cursor in its search, its text selected so
 * that typing replaces it (Ctrl+F).
 */
void
sb_bases_view_focus_search (SbBasesView *self)
{
  g_return_if_fail (SB_IS_BASES_VIEW (self));

  attach_model (self);

  sb_bases_view_show_list (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
  gtk_editable_select_region (GTK_EDITABLE (self->search_entry), 0, -1);
}

/**
 * sb_bases_view_show_base:
 * @id: a base's number
 *
 * Shows the page of base @id, whether or not the filters list it.
 */
void
sb_bases_view_show_base (SbBasesView *self,
                         gint64       id)
{
  g_return_if_fail (SB_IS_BASES_VIEW (self));

  attach_model (self);
  g_return_if_fail (id > 0);

  if (sb_base_page_get_base_id (self->base_page) == id)
    sb_base_page_reload (self->base_page);
  else
    sb_base_page_set_base_id (self->base_page, id);

  gtk_stack_set_visible_child_name (self->stack, "base");
  gtk_widget_grab_focus (GTK_WIDGET (self->back_button));
}

void
sb_bases_view_show_list (SbBasesView *self)
{
  g_return_if_fail (SB_IS_BASES_VIEW (self));

  if (!sb_bases_view_get_showing_base (self))
    return;

  gtk_stack_set_visible_child_name (self->stack, "list");
  gtk_widget_grab_focus (GTK_WIDGET (self->column_view));
}

gboolean
sb_bases_view_get_showing_base (SbBasesView *self)
{
  g_return_val_if_fail (SB_IS_BASES_VIEW (self), FALSE);

  return self->stack != NULL
         && g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "base") == 0;
}

/**
 * sb_bases_view_get_filter:
 *
 * Returns: (transfer none): the filter behind the search and drop-downs
 */
SbBaseListFilter *
sb_bases_view_get_filter (SbBasesView *self)
{
  g_return_val_if_fail (SB_IS_BASES_VIEW (self), NULL);

  return self->filter;
}

/**
 * sb_bases_view_get_visible_bases:
 *
 * Returns: (transfer none): the bases the list shows, sorted and filtered
 */
GListModel *
sb_bases_view_get_visible_bases (SbBasesView *self)
{
  g_return_val_if_fail (SB_IS_BASES_VIEW (self), NULL);

  attach_model (self);

  return G_LIST_MODEL (self->filter_model);
}

/**
 * sb_bases_view_get_base_page:
 *
 * Returns: (transfer none): the page that shows one base
 */
SbBasePage *
sb_bases_view_get_base_page (SbBasesView *self)
{
  g_return_val_if_fail (SB_IS_BASES_VIEW (self), NULL);

  return self->base_page;
}

/**
 * sb_bases_view_set_acting_role:
 * @role: the current profile's #SbRole, or -1 without a profile
 *
 * Offers “Waiting for Me” among the states: the bases where @role has the
 * next step to take.
 */
void
sb_bases_view_set_acting_role (SbBasesView *self,
                               int          role)
{
  g_return_if_fail (SB_IS_BASES_VIEW (self));
  g_return_if_fail (role >= -1 && role < SB_N_ROLES);

  if (self->acting_role == role)
    return;

  self->acting_role = role;
  sb_base_list_filter_set_acting_role (self->filter, role);
  if (role < 0 && g_strcmp0 (sb_base_list_filter_get_state (self->filter),
                             SB_BASE_LIST_FILTER_WAITING) == 0)
    sb_base_list_filter_set_state (self->filter, NULL);

  self->syncing = TRUE;
  fill_state_drop_down (self);
  self->syncing = FALSE;
  sync_controls (self);
}
