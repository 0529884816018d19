/* sb-deadline-watch-panel.c: what is overdue, and what falls due soon
 *
 * Shows the core's watch list (sb_deadline_watch_list()) for the bases the
 * Bases filters list, within the horizon chosen: overdue, or due in the
 * next 7, 30 or 90 days.  Rows are grouped under a heading per kind of
 * deadline and name the base, the deadline, its article and the days
 * left; activating one opens the base.  Deadlines that cannot be computed
 * (a year without calendar data) are listed under every horizon, since
 * someone must act on them.
 */
#define G_LOG_DOMAIN "sb-deadline-watch-panel"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "sb-date.h"
#include "sb-base.h"
#include "sb-deadline-watch-panel.h"

/* One row of the list: a heading, or a deadline of a base. */
#define SB_TYPE_WATCH_ROW (sb_watch_row_get_type ())
G_DECLARE_FINAL_TYPE (SbWatchRow, sb_watch_row, SB, WATCH_ROW, GObject)

struct _SbWatchRow
{
  GObject          parent_instance;
  gboolean         heading;
  SbDeadlineKind   kind;
  guint            count;      /* headings */
  const SbDueItem *item;       /* owned by the panel's items */
};

G_DEFINE_FINAL_TYPE (SbWatchRow, sb_watch_row, G_TYPE_OBJECT)

static void
sb_watch_row_class_init (SbWatchRowClass *klass)
{
}

static void
sb_watch_row_init (SbWatchRow *self)
{
}

struct _SbDeadlineWatchPanel
{
  GtkWidget        parent_instance;

  /* Template widgets */
  GtkToggleButton *overdue_button;
  GtkToggleButton *week_button;
  GtkToggleButton *month_button;
  GtkToggleButton *quarter_button;
  GtkStack        *stack;
  GtkListView     *list_view;
  AdwStatusPage   *empty_page;

  GPtrArray       *items;      /* SbDueItem */
  GListModel      *bases;
  GHashTable      *visible;    /* base ids the filters list; NULL: all */
  GListStore      *rows;
  SbWatchHorizon   horizon;
  gboolean         updating;
};

G_DEFINE_FINAL_TYPE (SbDeadlineWatchPanel, sb_deadline_watch_panel, GTK_TYPE_WIDGET)

enum {
  BASE_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const int horizon_days[] = {
  [SB_WATCH_HORIZON_OVERDUE] = -1,
  [SB_WATCH_HORIZON_WEEK] = 7,
  [SB_WATCH_HORIZON_MONTH] = 30,
  [SB_WATCH_HORIZON_QUARTER] = 90,
};

/* Helpers */

static char *
dup_days_text (const SbDeadline *deadline)
{
  int days = deadline->days_left;

  if (!g_date_valid (&deadline->date))
    return g_strdup (_("Cannot be computed"));
  if (days == 0)
    return g_strdup (_("Due today"));
  if (days > 0)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d day left", "%d days left", days), days);

  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d day overdue", "%d days overdue", -days), -days);
}

static char *
dup_deadline_title (const SbDeadline *deadline)
{
  if (deadline->year > 0)
    /* Translators: an annual deadline and the year it is for */
    return g_strdup_printf (_("%s (%d)"), sb_deadline_kind_get_label (deadline->kind), deadline->year);

  return g_strdup (sb_deadline_kind_get_label (deadline->kind));
}

/* The second line of a row: what is due, its article and its date. */
static char *
dup_detail_text (const SbDueItem *item)
{
  g_autofree char *title = dup_deadline_title (&item->deadline);
  g_autofree char *article = sb_article_format (sb_deadline_kind_get_article (item->deadline.kind));
  g_autofree char *date = g_date_valid (&item->deadline.date) ? sb_date_format (&item->deadline.date) : NULL;

  if (date == NULL)
    /* Translators: a deadline, then its article */
    return g_strdup_printf (_("%s · %s"), title, article);

  /* Translators: a deadline, its article and its date */
  return g_strdup_printf (_("%s · %s · %s"), title, article, date);
}

static gboolean
in_horizon (const SbDueItem *item,
            SbWatchHorizon   horizon)
{
  const SbDeadline *deadline = &item->deadline;

  if (deadline->status == SB_DEADLINE_STATUS_UNKNOWN)
    return TRUE;
  if (horizon == SB_WATCH_HORIZON_OVERDUE)
    return deadline->status == SB_DEADLINE_STATUS_OVERDUE;

  return deadline->status != SB_DEADLINE_STATUS_OVERDUE
         && deadline->days_left >= 0 && deadline->days_left <= horizon_days[horizon];
}

static gboolean
is_listed (SbDeadlineWatchPanel *self,
           const SbDueItem      *item)
{
  return self->visible == NULL || g_hash_table_contains (self->visible, &item->base_id);
}

static int
compare_for_grouping (gconstpointer a,
                      gconstpointer b)
{
  const SbDueItem *x = *(const SbDueItem * const *) a;
  const SbDueItem *y = *(const SbDueItem * const *) b;

  gboolean x_dated = g_date_valid (&x->deadline.date);
  gboolean y_dated = g_date_valid (&y->deadline.date);

  if (x->deadline.kind != y->deadline.kind)
    return (int) x->deadline.kind - (int) y->deadline.kind;
  /* Those that cannot be computed first: someone must act on them */
  if (x_dated != y_dated)
    return x_dated ? 1 : -1;
  if (g_date_valid (&x->deadline.date) && g_date_valid (&y->deadline.date)
      && g_date_compare (&x->deadline.date, &y->deadline.date) != 0)
    return g_date_compare (&x->deadline.date, &y->deadline.date);

  return x->base_id < y->base_id ? -1 : x->base_id > y->base_id;
}

static void
update_buttons (SbDeadlineWatchPanel *self)
{
  GtkToggleButton *buttons[] = { self->overdue_button, self->week_button,
                                 self->month_button, self->quarter_button };
  char *labels[4];

  /* Translators: a toggle of the deadline watch, with how many it lists */
  labels[0] = g_strdup_printf (_("Overdue (%u)"), sb_deadline_watch_panel_count (self, SB_WATCH_HORIZON_OVERDUE));
  /* Translators: a toggle of the deadline watch, with how many it lists */
  labels[1] = g_strdup_printf (_("7 days (%u)"), sb_deadline_watch_panel_count (self, SB_WATCH_HORIZON_WEEK));
  /* Translators: a toggle of the deadline watch, with how many it lists */
  labels[2] = g_strdup_printf (_("30 days (%u)"), sb_deadline_watch_panel_count (self, SB_WATCH_HORIZON_MONTH));
  /* Translators: a toggle of the deadline watch, with how many it lists */
  labels[3] = g_strdup_printf (_("90 days (%u)"), sb_deadline_watch_panel_count (self, SB_WATCH_HORIZON_QUARTER));

  for (guint i = 0; i < G_N_ELEMENTS (buttons); i++)
    {
      gtk_button_set_label (GTK_BUTTON (buttons[i]), labels[i]);
      g_free (labels[i]);
    }

  self->updating = TRUE;
  gtk_toggle_button_set_active (buttons[self->horizon], TRUE);
  self->updating = FALSE;
}

static void
rebuild (SbDeadlineWatchPanel *self)
{
  g_autoptr(GPtrArray) chosen = g_ptr_array_new ();
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_object_unref);

  if (self->items != NULL)
    for (guint i = 0; i < self->items->len; i++)
      {
        const SbDueItem *item = g_ptr_array_index (self->items, i);

        if (in_horizon (item, self->horizon) && is_listed (self, item))
          g_ptr_array_add (chosen, (gpointer) item);
      }

  g_ptr_array_sort (chosen, compare_for_grouping);

  for (guint i = 0; i < chosen->len; i++)
    {
      const SbDueItem *item = g_ptr_array_index (chosen, i);
      SbWatchRow *row;

      if (i == 0 || ((const SbDueItem *) g_ptr_array_index (chosen, i - 1))->deadline.kind != item->deadline.kind)
        {
          row = g_object_new (SB_TYPE_WATCH_ROW, NULL);
          row->heading = TRUE;
          row->kind = item->deadline.kind;
          g_ptr_array_add (rows, row);
        }

      row = g_object_new (SB_TYPE_WATCH_ROW, NULL);
      row->kind = item->deadline.kind;
      row->item = item;
      g_ptr_array_add (rows, row);
    }

  /* Count each heading's rows */
  for (guint i = 0, heading = 0; i < rows->len; i++)
    {
      SbWatchRow *row = g_ptr_array_index (rows, i);

      if (row->heading)
        heading = i;
      else
        ((SbWatchRow *) g_ptr_array_index (rows, heading))->count++;
    }

  g_list_store_splice (self->rows, 0, g_list_model_get_n_items (G_LIST_MODEL (self->rows)),
                       rows->pdata, rows->len);

  if (chosen->len == 0)
    {
      adw_status_page_set_title (self->empty_page,
                                 self->horizon == SB_WATCH_HORIZON_OVERDUE ? _("Nothing Is Overdue")
                                                                           : _("Nothing Falls Due"));
      adw_status_page_set_description (self->empty_page,
                                       self->items == NULL ? _("The deadlines appear once the programme is read.")
                                       : self->horizon == SB_WATCH_HORIZON_OVERDUE
                                       ? _("No listed base has missed a deadline.")
                                       : _("No listed base has a deadline in this period."));
    }
  gtk_stack_set_visible_child_name (self->stack, chosen->len > 0 ? "list" : "empty");
  update_buttons (self);
}

static void
update_visible (SbDeadlineWatchPanel *self)
{
  guint n;

  g_clear_pointer (&self->visible, g_hash_table_unref);
  if (self->bases == NULL)
    return;

  n = g_list_model_get_n_items (self->bases);
  self->visible = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SbBase) base = g_list_model_get_item (self->bases, i);
      gint64 *id = g_new (gint64, 1);

      *id = sb_base_get_id (base);
      g_hash_table_add (self->visible, id);
    }
}

/* Callbacks */

static void
bases_changed_cb (SbDeadlineWatchPanel *self,
                  guint                 position,
                  guint                 removed,
                  guint                 added,
                  GListModel           *model)
{
  update_visible (self);
  rebuild (self);
}

static void
horizon_toggled_cb (SbDeadlineWatchPanel *self,
                    GtkToggleButton      *button)
{
  if (self->updating || !gtk_toggle_button_get_active (button))
    return;

  if (button == self->overdue_button)
    sb_deadline_watch_panel_set_horizon (self, SB_WATCH_HORIZON_OVERDUE);
  else if (button == self->week_button)
    sb_deadline_watch_panel_set_horizon (self, SB_WATCH_HORIZON_WEEK);
  else if (button == self->month_button)
    sb_deadline_watch_panel_set_horizon (self, SB_WATCH_HORIZON_MONTH);
  else
    sb_deadline_watch_panel_set_horizon (self, SB_WATCH_HORIZON_QUARTER);
}

static void
list_activate_cb (SbDeadlineWatchPanel *self,
                  guint                 position,
                  GtkListView          *list_view)
{
  sb_deadline_watch_panel_activate_row (self, position);
}

static void
row_setup_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              SbDeadlineWatchPanel     *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *text = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *name = gtk_label_new (NULL);
  GtkWidget *detail = gtk_label_new (NULL);
  GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");
  GtkWidget *days = gtk_label_new (NULL);

  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_widget_set_hexpand (text, TRUE);
  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_xalign (GTK_LABEL (detail), 0);
  gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
  gtk_label_set_ellipsize (GTK_LABEL (detail), PANGO_ELLIPSIZE_END);
  /* The panel keeps its width: long names are cut, and told in full on hover */
  gtk_label_set_max_width_chars (GTK_LABEL (name), 20);
  gtk_label_set_max_width_chars (GTK_LABEL (detail), 24);
  gtk_widget_add_css_class (detail, "dim-label");
  gtk_widget_add_css_class (detail, "caption");
  gtk_widget_add_css_class (days, "numeric");
  gtk_widget_add_css_class (icon, "error");
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Overdue"), -1);
  gtk_box_append (GTK_BOX (text), name);
  gtk_box_append (GTK_BOX (text), detail);
  gtk_box_append (GTK_BOX (box), text);
  gtk_box_append (GTK_BOX (box), icon);
  gtk_box_append (GTK_BOX (box), days);
  gtk_list_item_set_child (list_item, box);
}

static void
row_bind_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *list_item,
             SbDeadlineWatchPanel     *self)
{
  SbWatchRow *row = gtk_list_item_get_item (list_item);
  GtkWidget *box = gtk_list_item_get_child (list_item);
  GtkWidget *text = gtk_widget_get_first_child (box);
  GtkWidget *name = gtk_widget_get_first_child (text);
  GtkWidget *detail = gtk_widget_get_next_sibling (name);
  GtkWidget *icon = gtk_widget_get_next_sibling (text);
  GtkWidget *days = gtk_widget_get_next_sibling (icon);

  gtk_list_item_set_activatable (list_item, !row->heading);
  gtk_list_item_set_selectable (list_item, FALSE);

  if (row->heading)
    {
      g_autofree char *heading = g_strdup_printf ("%s (%u)", sb_deadline_kind_get_label (row->kind), row->count);

      gtk_label_set_text (GTK_LABEL (name), heading);
      gtk_widget_add_css_class (name, "heading");
      gtk_widget_set_visible (detail, FALSE);
      gtk_widget_set_visible (icon, FALSE);
      gtk_widget_set_visible (days, FALSE);
      gtk_widget_set_margin_top (box, 12);
    }
  else
    {
      g_autofree char *details = dup_detail_text (row->item);
      g_autofree char *days_text = dup_days_text (&row->item->deadline);
      gboolean overdue = row->item->deadline.status == SB_DEADLINE_STATUS_OVERDUE
                         || row->item->deadline.status == SB_DEADLINE_STATUS_UNKNOWN;

      gtk_label_set_text (GTK_LABEL (name), row->item->base_name);
      gtk_widget_remove_css_class (name, "heading");
      gtk_label_set_text (GTK_LABEL (detail), details);
      gtk_label_set_text (GTK_LABEL (days), days_text);
      gtk_widget_set_visible (detail, TRUE);
      gtk_widget_set_visible (icon, overdue);
      gtk_widget_set_visible (days, TRUE);
      if (overdue)
        gtk_widget_add_css_class (days, "error");
      else
        gtk_widget_remove_css_class (days, "error");
      gtk_widget_set_margin_top (box, 6);
      /* The full name, and why a date cannot be computed */
      if (row->item->deadline.problem != NULL)
        {
          g_autofree char *tooltip = g_strdup_printf ("%s\n%s", row->item->base_name,
                                                      row->item->deadline.problem);

          gtk_widget_set_tooltip_text (box, tooltip);
        }
      else
        gtk_widget_set_tooltip_text (box, row->item->base_name);
    }
}

/* GObject overrides */

static void
sb_deadline_watch_panel_dispose (GObject *object)
{
  GtkWidget *child;
  SbDeadlineWatchPanel *self = (SbDeadlineWatchPanel *)object;

  if (self->bases != NULL)
    g_signal_handlers_disconnect_by_data (self->bases, self);
  g_clear_object (&self->bases);

  gtk_widget_dispose_template (GTK_WIDGET (self), SB_TYPE_DEADLINE_WATCH_PANEL);
  /* and the box that holds them */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  g_clear_object (&self->rows);

  G_OBJECT_CLASS (sb_deadline_watch_panel_parent_class)->dispose (object);
}

static void
sb_deadline_watch_panel_finalize (GObject *object)
{
  SbDeadlineWatchPanel *self = (SbDeadlineWatchPanel *)object;

  g_clear_pointer (&self->items, g_ptr_array_unref);
  g_clear_pointer (&self->visible, g_hash_table_unref);

  G_OBJECT_CLASS (sb_deadline_watch_panel_parent_class)->finalize (object);
}

static void
sb_deadline_watch_panel_class_init (SbDeadlineWatchPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sb_deadline_watch_panel_dispose;
  object_class->finalize = sb_deadline_watch_panel_finalize;

  /**
   * SbDeadlineWatchPanel::base-activated:
   * @id: the base's number
   */
  signals[BASE_ACTIVATED] = g_signal_new ("base-activated", G_TYPE_FROM_CLASS (klass),
                                          G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                          G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/shanxi/StdBase/ui/sb-deadline-watch-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, SbDeadlineWatchPanel, overdue_button);
  gtk_widget_class_bind_template_child (widget_class, SbDeadlineWatchPanel, week_button);
  gtk_widget_class_bind_template_child (widget_class, SbDeadlineWatchPanel, month_button);
  gtk_widget_class_bind_template_child (widget_class, SbDeadlineWatchPanel, quarter_button);
  gtk_widget_class_bind_template_child (widget_class, SbDeadlineWatchPanel, stack);
  gtk_widget_class_bind_template_child (widget_class, SbDeadlineWatchPanel, list_view);
  gtk_widget_class_bind_template_child (widget_class, SbDeadlineWatchPanel, empty_page);
  gtk_widget_class_bind_template_callback (widget_class, horizon_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, list_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_setup_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_bind_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "deadlinewatch");
}

static void
sb_deadline_watch_panel_init (SbDeadlineWatchPanel *self)
{
  g_autoptr(GtkNoSelection) selection = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->rows = g_list_store_new (SB_TYPE_WATCH_ROW);
  self->horizon = SB_WATCH_HORIZON_OVERDUE;
  selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->rows)));
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (selection));
  rebuild (self);
}

/* Public API */

GtkWidget *
sb_deadline_watch_panel_new (void)
{
  return g_object_new (SB_TYPE_DEADLINE_WATCH_PANEL, NULL);
}

/**
 * sb_deadline_watch_panel_set_items:
 * @items: (nullable) (element-type SbDueItem): the programme's watch list,
 *   due and overdue, looking at least %SB_WATCH_MAX_DAYS ahead
 */
void
sb_deadline_watch_panel_set_items (SbDeadlineWatchPanel *self,
                                   GPtrArray            *items)
{
  g_return_if_fail (SB_IS_DEADLINE_WATCH_PANEL (self));

  /* The rows point into the items: empty them first */
  g_list_store_remove_all (self->rows);
  g_clear_pointer (&self->items, g_ptr_array_unref);
  if (items != NULL)
    self->items = g_ptr_array_ref (items);
  rebuild (self);
}

/**
 * sb_deadline_watch_panel_set_bases:
 * @bases: (nullable): the bases the Bases filters list; %NULL for all
 */
void
sb_deadline_watch_panel_set_bases (SbDeadlineWatchPanel *self,
                                   GListModel           *bases)
{
  g_return_if_fail (SB_IS_DEADLINE_WATCH_PANEL (self));

  if (self->bases == bases)
    return;

  if (self->bases != NULL)
    g_signal_handlers_disconnect_by_data (self->bases, self);
  g_set_object (&self->bases, bases);
  if (bases != NULL)
    g_signal_connect_object (bases, "items-changed", G_CALLBACK (bases_changed_cb), self,
                             G_CONNECT_SWAPPED);

  update_visible (self);
  rebuild (self);
}

SbWatchHorizon
sb_deadline_watch_panel_get_horizon (SbDeadlineWatchPanel *self)
{
  g_return_val_if_fail (SB_IS_DEADLINE_WATCH_PANEL (self), SB_WATCH_HORIZON_OVERDUE);

  return self->horizon;
}

void
sb_deadline_watch_panel_set_horizon (SbDeadlineWatchPanel *self,
                                     SbWatchHorizon        horizon)
{
  g_return_if_fail (SB_IS_DEADLINE_WATCH_PANEL (self));
  g_return_if_fail (horizon <= SB_WATCH_HORIZON_QUARTER);

  if (self->horizon == horizon)
    return;

  self->horizon = horizon;
  rebuild (self);
}

/**
 * sb_deadline_watch_panel_count:
 *
 * Returns: how many deadlines of the listed bases fall in @horizon
 */
guint
sb_deadline_watch_panel_count (SbDeadlineWatchPanel *self,
                               SbWatchHorizon        horizon)
{
  guint n = 0;

  g_return_val_if_fail (SB_IS_DEADLINE_WATCH_PANEL (self), 0);

  if (self->items == NULL)
    return 0;

  for (guint i = 0; i < self->items->len; i++)
    {
      const SbDueItem *item = g_ptr_array_index (self->items, i);

      if (in_horizon (item, horizon) && is_listed (self, item))
        n++;
    }

  return n;
}

/**
 * sb_deadline_watch_panel_get_rows:
 *
 * Returns: (transfer none): the rows shown, headings included
 */
GListModel *
sb_deadline_watch_panel_get_rows (SbDeadlineWatchPanel *self)
{
  g_return_val_if_fail (SB_IS_DEADLINE_WATCH_PANEL (self), NULL);

  return G_LIST_MODEL (self->rows);
}

/**
 * sb_deadline_watch_panel_activate_row:
 *
 * Opens the base of the row at @position, as a click would.
 *
 * Returns: whether it was a deadline's row
 */
gboolean
sb_deadline_watch_panel_activate_row (SbDeadlineWatchPanel *self,
                                      guint                 position)
{
  g_autoptr(SbWatchRow) row = NULL;

  g_return_val_if_fail (SB_IS_DEADLINE_WATCH_PANEL (self), FALSE);

  row = g_list_model_get_item (G_LIST_MODEL (self->rows), position);
  if (row == NULL || row->heading)
    return FALSE;

  g_signal_emit (self, signals[BASE_ACTIVATED], 0, row->item->base_id);
  return TRUE;
}

/**
 * sb_deadline_watch_panel_dup_row_text:
 *
 * Returns: (transfer full) (nullable): what the row at @position says: a
 *   heading, or the base, deadline, article and days left joined by tabs
 */
char *
sb_deadline_watch_panel_dup_row_text (SbDeadlineWatchPanel *self,
                                      guint                 position)
{
  g_autoptr(SbWatchRow) row = NULL;
  g_autofree char *detail = NULL;
  g_autofree char *days = NULL;

  g_return_val_if_fail (SB_IS_DEADLINE_WATCH_PANEL (self), NULL);

  row = g_list_model_get_item (G_LIST_MODEL (self->rows), position);
  if (row == NULL)
    return NULL;
  if (row->heading)
    return g_strdup_printf ("%s (%u)", sb_deadline_kind_get_label (row->kind), row->count);

  detail = dup_detail_text (row->item);
  days = dup_days_text (&row->item->deadline);
  return g_strdup_printf ("%s\t%s\t%s", row->item->base_name, detail, days);
}

void
sb_deadline_watch_panel_focus (SbDeadlineWatchPanel *self)
{
  g_return_if_fail (SB_IS_DEADLINE_WATCH_PANEL (self));

  if (g_list_model_get_n_items (G_LIST_MODEL (self->rows)) > 0)
    gtk_widget_grab_focus (GTK_WIDGET (self->list_view));
  else
    gtk_widget_grab_focus (GTK_WIDGET (self->overdue_button));
}

/**
 * sb_deadline_watch_summarise:
 * @items: (element-type SbDueItem): a watch list
 * @title: (out): what a notification says first
 * @body: (out): the first few items
 *
 * What the desktop notification says about @items: how many deadlines
 * are overdue and how many fall due within %SB_DEADLINE_DUE_SOON_DAYS.
 *
 * Returns: whether there is anything to say
 */
gboolean
sb_deadline_watch_summarise (GPtrArray  *items,
                             char      **title,
                             char      **body)
{
  g_autoptr(GString) text = g_string_new (NULL);
  guint overdue = 0, due_soon = 0, listed = 0;

  g_return_val_if_fail (items != NULL, FALSE);

  for (guint i = 0; i < items->len; i++)
    {
      const SbDueItem *item = g_ptr_array_index (items, i);

      if (item->deadline.status == SB_DEADLINE_STATUS_OVERDUE)
        overdue++;
      else if (item->deadline.status == SB_DEADLINE_STATUS_DUE_SOON)
        due_soon++;
    }

  if (overdue + due_soon == 0)
    return FALSE;

  if (overdue > 0 && due_soon > 0)
    {
      g_autofree char *a = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u deadline overdue",
                                                         "%u deadlines overdue", overdue), overdue);
      g_autofree char *b = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u due soon",
                                                         "%u due soon", due_soon), due_soon);

      /* Translators: the title of the notification: "3 deadlines overdue, 5 due soon" */
      *title = g_strdup_printf (_("%s, %s"), a, b);
    }
  else if (overdue > 0)
    *title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u deadline overdue",
                                           "%u deadlines overdue", overdue), overdue);
  else
    *title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u deadline due soon",
                                           "%u deadlines due soon", due_soon), due_soon);

  /* The most overdue first: the list is by date */
  for (guint i = 0; i < items->len && listed < 3; i++)
    {
      const SbDueItem *item = g_ptr_array_index (items, i);
      g_autofree char *deadline = NULL;
      g_autofree char *days = NULL;

      if (item->deadline.status != SB_DEADLINE_STATUS_OVERDUE
          && item->deadline.status != SB_DEADLINE_STATUS_DUE_SOON)
        continue;

      deadline = dup_deadline_title (&item->deadline);
      days = dup_days_text (&item->deadline);
      if (text->len > 0)
        g_string_append_c (text, '\n');
      /* Translators: a line of the notification: base, deadline, days left */
      g_string_append_printf (text, _("%s: %s, %s"), item->base_name, deadline, days);
      listed++;
    }
  if (overdue + due_soon > listed)
    {
      g_string_append_c (text, '\n');
      g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "and %u more", "and %u more",
                                                 overdue + due_soon - listed),
                              overdue + due_soon - listed);
    }

  *body = g_string_free (g_steal_pointer (&text), FALSE);
  return TRUE;
}
