/* sb-timeline-view.c: one lane per base along a time axis
 *
 * The drawing is sb_timeline_render()'s: this widget gives it the colours
 * and the font of the current style (light or dark), asks the list model
 * only for the lanes that show, and turns input into a viewport: Ctrl +
 * scroll, + and − and a pinch zoom around the pointer; scrolling, dragging
 * and Shift + arrow keys pan; the arrow keys move between lanes and
 * marks; Enter or a click opens the base.  The focused mark is described
 * to assistive technologies.
 *
 * Export and printing draw the same thing again in the light style: the
 * visible range to PNG or PDF, and every lane of the list, page after
 * page, to the printer.
 */
#define G_LOG_DOMAIN "sb-timeline-view"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <math.h>

#include "sb-base.h"
#include "sb-date.h"
#include "sb-timeline-view.h"

#define DEFAULT_MONTHS_BEFORE 30
#define DEFAULT_MONTHS_AFTER  18
#define ZOOM_STEP 1.25

struct _SbTimelineView
{
  GtkWidget           parent_instance;

  GListModel         *bases;
  SbTimeline         *timeline;
  GtkAdjustment      *vadjustment;

  SbTimelineViewport  viewport;
  gboolean            range_set;     /* by the user: else the wanted range follows the width */
  double              want_first;
  double              want_last;
  SbChartStyle        style;
  gboolean            style_valid;

  double              pointer_x;
  double              drag_first_day;
  double              drag_first_row;
  gboolean            dragged;
  double              zoom_start;
  double              zoom_anchor_x;
  int                 allocated_width;
  guint               range_idle_id;
};

G_DEFINE_FINAL_TYPE (SbTimelineView, sb_timeline_view, GTK_TYPE_WIDGET)

enum {
  BASE_ACTIVATED,
  RANGE_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The named colours of libadwaita's palette, light and dark: as the charts */
static const char *palette_names[SB_CHART_N_COLORS][2] = {
  [SB_CHART_COLOR_BLUE] = { "blue_3", "blue_3" },
  [SB_CHART_COLOR_GREEN] = { "green_4", "green_5" },
  [SB_CHART_COLOR_YELLOW] = { "yellow_5", "yellow_5" },
  [SB_CHART_COLOR_ORANGE] = { "orange_4", "orange_4" },
  [SB_CHART_COLOR_RED] = { "red_4", "red_3" },
  [SB_CHART_COLOR_PURPLE] = { "purple_3", "purple_2" },
  [SB_CHART_COLOR_BROWN] = { "brown_3", "brown_2" },
  [SB_CHART_COLOR_GREY] = { "light_5", "dark_1" },
};

/* Helpers */

static SbChartRgba
rgba_from_gdk (const GdkRGBA *rgba)
{
  SbChartRgba color = { rgba->red, rgba->green, rgba->blue, rgba->alpha };

  return color;
}

static char *
dup_font_name (SbTimelineView *self)
{
  const PangoFontDescription *font;

  font = pango_context_get_font_description (gtk_widget_get_pango_context (GTK_WIDGET (self)));
  return font != NULL ? pango_font_description_to_string (font) : NULL;
}

static void
ensure_style (SbTimelineView *self)
{
  GtkStyleContext *context;
  g_autofree char *font = NULL;
  gboolean dark;
  GdkRGBA rgba;

  if (self->style_valid)
    return;

  dark = adw_style_manager_get_dark (adw_style_manager_get_default ());
  sb_chart_style_clear (&self->style);
  sb_chart_style_init_default (&self->style, dark);

  context = gtk_widget_get_style_context (GTK_WIDGET (self));
  gtk_style_context_get_color (context, &rgba);
  self->style.foreground = rgba_from_gdk (&rgba);
  self->style.grid = self->style.foreground;
  self->style.grid.alpha *= dark ? 0.10 : 0.07;
  if (gtk_style_context_lookup_color (context, "view_bg_color", &rgba))
    self->style.background = rgba_from_gdk (&rgba);
  for (guint i = 0; i < SB_CHART_N_COLORS; i++)
    if (gtk_style_context_lookup_color (context, palette_names[i][dark ? 1 : 0], &rgba))
      self->style.palette[i] = rgba_from_gdk (&rgba);

  font = dup_font_name (self);
  if (font != NULL)
    sb_chart_style_set_font (&self->style, font);

  self->style_valid = TRUE;
}

static void
invalidate_style (SbTimelineView *self)
{
  self->style_valid = FALSE;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static SbBase *
get_base (SbTimelineView *self,
          guint           row)
{
  g_autoptr(SbBase) base = NULL;

  if (self->bases == NULL)
    return NULL;

  /* The list holds the bases: a borrowed pointer stays good */
  base = g_list_model_get_item (self->bases, row);
  return base;
}

static gboolean
get_row (guint                  index,
         const SbTimelineLane **lane,
         const char           **name,
         gpointer               user_data)
{
  SbTimelineView *self = user_data;
  SbBase *base = get_base (self, index);

  if (base == NULL)
    return FALSE;

  *lane = self->timeline != NULL ? sb_timeline_find_lane (self->timeline, sb_base_get_id (base)) : NULL;
  /* A base's name is a proper name, in Chinese in every language as in the
   * list, the watch and the tooltips; a lane has room for its short form. */
  *name = sb_base_get_short_name (base);
  return TRUE;
}

static guint
get_n_rows (SbTimelineView *self)
{
  return self->bases != NULL ? g_list_model_get_n_items (self->bases) : 0;
}

static void
update_adjustment (SbTimelineView *self)
{
  double height = gtk_widget_get_height (GTK_WIDGET (self));
  double page = height > 0 ? sb_timeline_get_visible_rows (&self->viewport, height) : 10;
  double upper = get_n_rows (self);

  gtk_adjustment_configure (self->vadjustment,
                            CLAMP (gtk_adjustment_get_value (self->vadjustment), 0, MAX (0, upper - page)),
                            0, MAX (upper, page), 1, MAX (1, page - 1), page);
}

static double
plot_x (SbTimelineView *self)
{
  SbTimelineRect plot;

  sb_timeline_get_plot (&self->viewport, gtk_widget_get_width (GTK_WIDGET (self)),
                        gtk_widget_get_height (GTK_WIDGET (self)), &plot);
  return plot.x;
}

static double
plot_width (SbTimelineView *self)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self));

  return sb_timeline_get_visible_days (&self->viewport, width > 0 ? width : 1000)
         * self->viewport.pixels_per_day;
}

static void
range_changed (SbTimelineView *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_signal_emit (self, signals[RANGE_CHANGED], 0);
}

static void
range_idle_cb (gpointer user_data)
{
  SbTimelineView *self = user_data;

  self->range_idle_id = 0;
  g_signal_emit (self, signals[RANGE_CHANGED], 0);
}

static void
set_default_range (SbTimelineView *self)
{
  GDate today, first, last;

  g_date_clear (&today, 1);
  if (self->viewport.today == 0)
    sb_date_set_today (&today);
  else
    g_date_set_julian (&today, self->viewport.today);

  sb_date_add_months_to (&today, -DEFAULT_MONTHS_BEFORE, &first);
  sb_date_add_months_to (&today, DEFAULT_MONTHS_AFTER, &last);
  sb_timeline_view_set_range (self, &first, &last);
}

static const SbTimelineLane *
get_lane (SbTimelineView *self,
          int             row)
{
  const SbTimelineLane *lane = NULL;
  const char *name = NULL;

  if (row < 0 || !get_row (row, &lane, &name, self))
    return NULL;

  return lane;
}

static const SbTimelineMark *
get_focus_mark (SbTimelineView *self)
{
  const SbTimelineLane *lane = get_lane (self, self->viewport.focus_row);

  if (lane == NULL || self->viewport.focus_mark < 0
      || (guint) self->viewport.focus_mark >= sb_timeline_lane_get_n_marks (lane))
    return NULL;

  return sb_timeline_lane_get_mark (lane, self->viewport.focus_mark);
}

static char *
describe_lane (SbTimelineView *self,
               SbBase         *base,
               const SbTimelineLane *lane)
{
  g_autofree char *name = sb_base_dup_name (base);
  GString *text = g_string_new (name);

  g_string_append_printf (text, "\n%s", sb_base_state_get_label (sb_base_get_state (base)));
  if (lane != NULL)
    {
      guint overdue = sb_timeline_lane_count_status (lane, SB_DEADLINE_STATUS_OVERDUE);
      guint due_soon = sb_timeline_lane_count_status (lane, SB_DEADLINE_STATUS_DUE_SOON);

      if (overdue > 0)
        {
          g_string_append_c (text, '\n');
          g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%u deadline overdue",
                                                     "%u deadlines overdue", overdue), overdue);
        }
      if (due_soon > 0)
        {
          g_string_append_c (text, '\n');
          g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%u deadline due soon",
                                                     "%u deadlines due soon", due_soon), due_soon);
        }
    }
  g_string_append_printf (text, "\n%s", _("Click or press Enter to open the base’s page"));

  return g_string_free (text, FALSE);
}

static void
update_accessible (SbTimelineView *self)
{
  g_autofree char *description = sb_timeline_view_dup_focus_description (self);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  description ? description : _("No lane is selected"),
                                  -1);
}

/* Scrolls and pans so that the focus is in view. */
static void
reveal_focus (SbTimelineView *self)
{
  double rows = sb_timeline_get_visible_rows (&self->viewport, MAX (1, gtk_widget_get_height (GTK_WIDGET (self))));
  double value = gtk_adjustment_get_value (self->vadjustment);
  const SbTimelineMark *mark = get_focus_mark (self);
  int row = self->viewport.focus_row;

  if (row < 0)
    return;

  if (row < value)
    gtk_adjustment_set_value (self->vadjustment, row);
  else if (row + 1 > value + rows)
    gtk_adjustment_set_value (self->vadjustment, row + 1 - floor (rows));

  if (mark != NULL)
    {
      double days = plot_width (self) / self->viewport.pixels_per_day;
      double margin = days / 20;

      if (mark->day < self->viewport.first_day + margin || mark->day > self->viewport.first_day + days - margin)
        {
          self->viewport.first_day = mark->day - days / 2;
          self->range_set = TRUE;
          range_changed (self);
        }
    }
}

static void
activate_row (SbTimelineView *self,
              int             row)
{
  SbBase *base;

  if (row < 0 || (base = get_base (self, row)) == NULL)
    return;

  g_signal_emit (self, signals[BASE_ACTIVATED], 0, sb_base_get_id (base));
}

/* Callbacks */

static void
items_changed_cb (SbTimelineView *self,
                  guint           position,
                  guint           removed,
                  guint           added,
                  GListModel     *model)
{
  guint n = get_n_rows (self);

  if (self->viewport.focus_row >= (int) n)
    {
      self->viewport.focus_row = n > 0 ? (int) n - 1 : -1;
      self->viewport.focus_mark = -1;
    }
  self->viewport.hover_row = -1;
  self->viewport.n_rows = n;
  update_adjustment (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
value_changed_cb (SbTimelineView *self,
                  GtkAdjustment  *adjustment)
{
  self->viewport.first_row = gtk_adjustment_get_value (adjustment);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static gboolean
scroll_cb (GtkEventControllerScroll *controller,
           double                    dx,
           double                    dy,
           SbTimelineView           *self)
{
  GdkModifierType state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (controller));

  if (state & GDK_CONTROL_MASK)
    {
      sb_timeline_view_zoom (self, pow (ZOOM_STEP, -dy), self->pointer_x);
      return TRUE;
    }

  if (state & GDK_SHIFT_MASK)
    {
      dx = dy;
      dy = 0;
    }

  sb_timeline_view_pan (self, dx * 40, dy * 3);
  return TRUE;
}

static void
motion_cb (GtkEventControllerMotion *controller,
           double                    x,
           double                    y,
           SbTimelineView           *self)
{
  guint row;
  int mark, hover = -1;

  self->pointer_x = x;
  if (sb_timeline_hit_test (&self->viewport, gtk_widget_get_width (GTK_WIDGET (self)),
                            gtk_widget_get_height (GTK_WIDGET (self)), x, y, &row, &mark))
    hover = row;

  if (hover != self->viewport.hover_row)
    {
      self->viewport.hover_row = hover;
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }
}

static void
leave_cb (GtkEventControllerMotion *controller,
          SbTimelineView           *self)
{
  if (self->viewport.hover_row != -1)
    {
      self->viewport.hover_row = -1;
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }
}

static void
drag_begin_cb (GtkGestureDrag *gesture,
               double          x,
               double          y,
               SbTimelineView *self)
{
  self->drag_first_day = self->viewport.first_day;
  self->drag_first_row = gtk_adjustment_get_value (self->vadjustment);
  self->dragged = FALSE;
}

static void
drag_update_cb (GtkGestureDrag *gesture,
                double          offset_x,
                double          offset_y,
                SbTimelineView *self)
{
  if (!self->dragged && fabs (offset_x) < 4 && fabs (offset_y) < 4)
    return;

  self->dragged = TRUE;
  self->range_set = TRUE;
  self->viewport.first_day = self->drag_first_day - offset_x / self->viewport.pixels_per_day;
  gtk_adjustment_set_value (self->vadjustment,
                            self->drag_first_row - offset_y / SB_TIMELINE_LANE_HEIGHT);
  range_changed (self);
}

static void
click_released_cb (GtkGestureClick *gesture,
                   int              n_press,
                   double           x,
                   double           y,
                   SbTimelineView  *self)
{
  gtk_widget_grab_focus (GTK_WIDGET (self));
  if (self->dragged)
    {
      self->dragged = FALSE;
      return;
    }

  self->viewport.show_focus = FALSE;
  sb_timeline_view_activate_at (self, x, y);
}

static void
zoom_begin_cb (GtkGesture       *gesture,
               GdkEventSequence *sequence,
               SbTimelineView   *self)
{
  double x, y;

  self->zoom_start = self->viewport.pixels_per_day;
  if (gtk_gesture_get_bounding_box_center (gesture, &x, &y))
    self->zoom_anchor_x = x;
  else
    self->zoom_anchor_x = plot_x (self) + plot_width (self) / 2;
}

static void
zoom_scale_changed_cb (GtkGestureZoom *gesture,
                       double          scale,
                       SbTimelineView *self)
{
  double target = self->zoom_start * scale;

  sb_timeline_view_zoom (self, target / self->viewport.pixels_per_day, self->zoom_anchor_x);
}

static gboolean
key_pressed_cb (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                SbTimelineView        *self)
{
  gboolean shift = (state & GDK_SHIFT_MASK) != 0;
  double page = sb_timeline_get_visible_rows (&self->viewport, MAX (1, gtk_widget_get_height (GTK_WIDGET (self))));

  if (state & (GDK_CONTROL_MASK | GDK_ALT_MASK))
    return FALSE;

  switch (keyval)
    {
    case GDK_KEY_Left:
    case GDK_KEY_KP_Left:
      if (shift)
        sb_timeline_view_pan (self, -plot_width (self) / 8, 0);
      else
        sb_timeline_view_move_focus (self, 0, -1);
      return TRUE;
    case GDK_KEY_Right:
    case GDK_KEY_KP_Right:
      if (shift)
        sb_timeline_view_pan (self, plot_width (self) / 8, 0);
      else
        sb_timeline_view_move_focus (self, 0, 1);
      return TRUE;
    case GDK_KEY_Up:
    case GDK_KEY_KP_Up:
      sb_timeline_view_move_focus (self, -1, 0);
      return TRUE;
    case GDK_KEY_Down:
    case GDK_KEY_KP_Down:
      sb_timeline_view_move_focus (self, 1, 0);
      return TRUE;
    case GDK_KEY_Page_Up:
      sb_timeline_view_move_focus (self, -(int) MAX (1, page - 1), 0);
      return TRUE;
    case GDK_KEY_Page_Down:
      sb_timeline_view_move_focus (self, (int) MAX (1, page - 1), 0);
      return TRUE;
    case GDK_KEY_Home:
      sb_timeline_view_move_focus (self, -G_MAXINT / 2, 0);
      return TRUE;
    case GDK_KEY_End:
      sb_timeline_view_move_focus (self, G_MAXINT / 2, 0);
      return TRUE;
    case GDK_KEY_plus:
    case GDK_KEY_equal:
    case GDK_KEY_KP_Add:
      sb_timeline_view_zoom (self, ZOOM_STEP, plot_x (self) + plot_width (self) / 2);
      return TRUE;
    case GDK_KEY_minus:
    case GDK_KEY_KP_Subtract:
      sb_timeline_view_zoom (self, 1 / ZOOM_STEP, plot_x (self) + plot_width (self) / 2);
      return TRUE;
    case GDK_KEY_Return:
    case GDK_KEY_KP_Enter:
    case GDK_KEY_space:
      activate_row (self, self->viewport.focus_row);
      return TRUE;
    default:
      return FALSE;
    }
}

static void
dark_changed_cb (SbTimelineView *self)
{
  invalidate_style (self);
}

/* Printing: every lane of the list, as many as fit on a page. */

typedef struct
{
  SbTimelineView     *view;
  SbTimelineViewport  viewport;
  SbChartStyle        style;
  guint               rows_per_page;
  char               *title;
  double              first_day;
  double              days;
} PrintJob;

static void
print_job_free (gpointer data)
{
  PrintJob *job = data;

  sb_chart_style_clear (&job->style);
  g_free (job->title);
  g_object_unref (job->view);
  g_free (job);
}

static void
begin_print_cb (GtkPrintOperation *operation,
                GtkPrintContext   *context,
                PrintJob          *job)
{
  double height = gtk_print_context_get_height (context);
  guint n_rows = job->viewport.n_rows;

  job->viewport.title = job->title;
  job->rows_per_page = sb_timeline_rows_per_page (&job->viewport, height);
  gtk_print_operation_set_n_pages (operation, MAX (1, (n_rows + job->rows_per_page - 1) / job->rows_per_page));
}

static void
draw_page_cb (GtkPrintOperation *operation,
              GtkPrintContext   *context,
              int                page,
              PrintJob          *job)
{
  cairo_t *cr = gtk_print_context_get_cairo_context (context);
  double width = gtk_print_context_get_width (context);
  double height = gtk_print_context_get_height (context);
  SbTimelineViewport viewport = job->viewport;
  double visible_width;

  /* The same days across the page as on the screen */
  viewport.pixels_per_day = 1;
  visible_width = sb_timeline_get_visible_days (&viewport, width);
  viewport.pixels_per_day = visible_width / job->days;
  viewport.first_day = job->first_day;
  viewport.first_row = page * job->rows_per_page;
  viewport.n_rows = MIN (job->viewport.n_rows, (guint) (page + 1) * job->rows_per_page);

  sb_timeline_render (cr, &viewport, &job->style, width, height);
}

/* GObject overrides */

static void
sb_timeline_view_snapshot (GtkWidget   *widget,
                           GtkSnapshot *snapshot)
{
  SbTimelineView *self = SB_TIMELINE_VIEW (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  cairo_t *cr;

  if (width <= 0 || height <= 0)
    return;

  ensure_style (self);
  self->viewport.n_rows = get_n_rows (self);
  self->viewport.first_row = gtk_adjustment_get_value (self->vadjustment);
  self->viewport.show_focus = self->viewport.show_focus && gtk_widget_has_focus (widget);

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  sb_timeline_render (cr, &self->viewport, &self->style, width, height);
  cairo_destroy (cr);
}

static void
sb_timeline_view_measure (GtkWidget      *widget,
                          GtkOrientation  orientation,
                          int             for_size,
                          int            *minimum,
                          int            *natural,
                          int            *minimum_baseline,
                          int            *natural_baseline)
{
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 360;
      *natural = 900;
    }
  else
    {
      *minimum = (int) (SB_TIMELINE_AXIS_HEIGHT + SB_TIMELINE_LEGEND_HEIGHT + 3 * SB_TIMELINE_LANE_HEIGHT);
      *natural = 600;
    }
}

static void
sb_timeline_view_size_allocate (GtkWidget *widget,
                                int        width,
                                int        height,
                                int        baseline)
{
  SbTimelineView *self = SB_TIMELINE_VIEW (widget);

  /* Until the user zooms or pans, the range asked for fills the width */
  if (!self->range_set && self->want_last > self->want_first)
    {
      SbTimelineRect plot;

      sb_timeline_get_plot (&self->viewport, width, height, &plot);
      self->viewport.first_day = self->want_first;
      self->viewport.pixels_per_day = CLAMP (plot.width / (self->want_last - self->want_first),
                                             SB_TIMELINE_MIN_PIXELS_PER_DAY,
                                             SB_TIMELINE_MAX_PIXELS_PER_DAY);
    }

  update_adjustment (self);

  /* Told after the allocation: whoever shows the range may resize */
  if (width != self->allocated_width && self->range_idle_id == 0)
    self->range_idle_id = g_idle_add_once (range_idle_cb, self);
  self->allocated_width = width;
}

static gboolean
sb_timeline_view_query_tooltip (GtkWidget  *widget,
                                int         x,
                                int         y,
                                gboolean    keyboard_mode,
                                GtkTooltip *tooltip)
{
  SbTimelineView *self = SB_TIMELINE_VIEW (widget);
  g_autofree char *text = NULL;
  guint row;
  int mark;

  if (keyboard_mode)
    text = sb_timeline_view_dup_focus_description (self);
  else if (sb_timeline_hit_test (&self->viewport, gtk_widget_get_width (widget),
                                 gtk_widget_get_height (widget), x, y, &row, &mark))
    {
      SbBase *base = get_base (self, row);
      const SbTimelineLane *lane = get_lane (self, row);

      if (base == NULL)
        return FALSE;
      if (lane != NULL && mark >= 0)
        {
          g_autofree char *name = sb_base_dup_name (base);

          text = sb_timeline_mark_describe (sb_timeline_lane_get_mark (lane, mark), name);
        }
      else
        text = describe_lane (self, base, lane);
    }

  if (text == NULL)
    return FALSE;

  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

static void
sb_timeline_view_css_changed (GtkWidget         *widget,
                              GtkCssStyleChange *change)
{
  GTK_WIDGET_CLASS (sb_timeline_view_parent_class)->css_changed (widget, change);

  invalidate_style (SB_TIMELINE_VIEW (widget));
}

static void
sb_timeline_view_system_setting_changed (GtkWidget        *widget,
                                         GtkSystemSetting  setting)
{
  GTK_WIDGET_CLASS (sb_timeline_view_parent_class)->system_setting_changed (widget, setting);

  if (setting == GTK_SYSTEM_SETTING_FONT_NAME || setting == GTK_SYSTEM_SETTING_FONT_CONFIG)
    invalidate_style (SB_TIMELINE_VIEW (widget));
}

static void
sb_timeline_view_dispose (GObject *object)
{
  SbTimelineView *self = (SbTimelineView *)object;

  if (self->bases != NULL)
    g_signal_handlers_disconnect_by_data (self->bases, self);
  g_clear_object (&self->bases);
  g_clear_pointer (&self->timeline, sb_timeline_unref);
  g_clear_handle_id (&self->range_idle_id, g_source_remove);

  G_OBJECT_CLASS (sb_timeline_view_parent_class)->dispose (object);
}

static void
sb_timeline_view_finalize (GObject *object)
{
  SbTimelineView *self = (SbTimelineView *)object;

  sb_chart_style_clear (&self->style);
  g_clear_pointer (&self->viewport.texts, sb_timeline_texts_free);
  g_clear_object (&self->vadjustment);

  G_OBJECT_CLASS (sb_timeline_view_parent_class)->finalize (object);
}

static void
sb_timeline_view_class_init (SbTimelineViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sb_timeline_view_dispose;
  object_class->finalize = sb_timeline_view_finalize;

  widget_class->snapshot = sb_timeline_view_snapshot;
  widget_class->measure = sb_timeline_view_measure;
  widget_class->size_allocate = sb_timeline_view_size_allocate;
  widget_class->query_tooltip = sb_timeline_view_query_tooltip;
  widget_class->css_changed = sb_timeline_view_css_changed;
  widget_class->system_setting_changed = sb_timeline_view_system_setting_changed;

  /**
   * SbTimelineView::base-activated:
   * @id: the base's number
   *
   * A lane was clicked, or Enter pressed on it: its base's page should open.
   */
  signals[BASE_ACTIVATED] = g_signal_new ("base-activated", G_TYPE_FROM_CLASS (klass),
                                          G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                          G_TYPE_NONE, 1, G_TYPE_INT64);
  /**
   * SbTimelineView::range-changed:
   *
   * The days shown changed: zoomed or panned.
   */
  signals[RANGE_CHANGED] = g_signal_new ("range-changed", G_TYPE_FROM_CLASS (klass),
                                         G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                         G_TYPE_NONE, 0);

  gtk_widget_class_set_css_name (widget_class, "timeline");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
sb_timeline_view_init (SbTimelineView *self)
{
  GtkEventController *controller;
  GtkGesture *gesture;

  sb_timeline_viewport_init (&self->viewport);
  self->viewport.texts = sb_timeline_texts_new ();
  self->viewport.get_row = get_row;
  self->viewport.user_data = self;
  sb_chart_style_init_default (&self->style, FALSE);

  self->vadjustment = g_object_ref_sink (gtk_adjustment_new (0, 0, 1, 1, 10, 10));
  g_signal_connect_object (self->vadjustment, "value-changed", G_CALLBACK (value_changed_cb),
                           self, G_CONNECT_SWAPPED);

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_focus_on_click (GTK_WIDGET (self), TRUE);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), "default");

  controller = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_BOTH_AXES);
  g_signal_connect (controller, "scroll", G_CALLBACK (scroll_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  controller = gtk_event_controller_motion_new ();
  g_signal_connect (controller, "motion", G_CALLBACK (motion_cb), self);
  g_signal_connect (controller, "leave", G_CALLBACK (leave_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  gesture = gtk_gesture_drag_new ();
  g_signal_connect (gesture, "drag-begin", G_CALLBACK (drag_begin_cb), self);
  g_signal_connect (gesture, "drag-update", G_CALLBACK (drag_update_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (gesture));

  gesture = gtk_gesture_click_new ();
  g_signal_connect (gesture, "released", G_CALLBACK (click_released_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (gesture));

  gesture = gtk_gesture_zoom_new ();
  g_signal_connect (gesture, "begin", G_CALLBACK (zoom_begin_cb), self);
  g_signal_connect (gesture, "scale-changed", G_CALLBACK (zoom_scale_changed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (gesture));

  controller = gtk_event_controller_key_new ();
  g_signal_connect (controller, "key-pressed", G_CALLBACK (key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (dark_changed_cb), self, G_CONNECT_SWAPPED);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Timeline of the bases"),
                                  -1);
  set_default_range (self);
}

/* Public API */

GtkWidget *
sb_timeline_view_new (void)
{
  return g_object_new (SB_TYPE_TIMELINE_VIEW, NULL);
}

/**
 * sb_timeline_view_set_bases:
 * @bases: (nullable): the bases to show a lane for, in order: the list
 *   the Bases filters give
 */
void
sb_timeline_view_set_bases (SbTimelineView *self,
                            GListModel     *bases)
{
  g_return_if_fail (SB_IS_TIMELINE_VIEW (self));
  g_return_if_fail (bases == NULL || G_IS_LIST_MODEL (bases));

  if (self->bases == bases)
    return;

  if (self->bases != NULL)
    g_signal_handlers_disconnect_by_data (self->bases, self);
  g_set_object (&self->bases, bases);
  if (bases != NULL)
    g_signal_connect_object (bases, "items-changed", G_CALLBACK (items_changed_cb),
                             self, G_CONNECT_SWAPPED);

  self->viewport.focus_row = -1;
  self->viewport.focus_mark = -1;
  items_changed_cb (self, 0, 0, 0, bases);
}

GListModel *
sb_timeline_view_get_bases (SbTimelineView *self)
{
  g_return_val_if_fail (SB_IS_TIMELINE_VIEW (self), NULL);

  return self->bases;
}

/**
 * sb_timeline_view_set_timeline:
 * @timeline: (nullable): the lanes of the bases, by number
 */
void
sb_timeline_view_set_timeline (SbTimelineView *self,
                               SbTimeline     *timeline)
{
  gboolean had_today;

  g_return_if_fail (SB_IS_TIMELINE_VIEW (self));

  if (self->timeline == timeline)
    return;

  g_clear_pointer (&self->timeline, sb_timeline_unref);
  if (timeline != NULL)
    self->timeline = sb_timeline_ref (timeline);

  had_today = self->viewport.today != 0;
  self->viewport.today = timeline != NULL ? timeline->today : 0;
  if (!had_today && !self->range_set)
    set_default_range (self);

  self->viewport.focus_mark = -1;
  gtk_widget_queue_draw (GTK_WIDGET (self));
  update_accessible (self);
}

SbTimeline *
sb_timeline_view_get_timeline (SbTimelineView *self)
{
  g_return_val_if_fail (SB_IS_TIMELINE_VIEW (self), NULL);

  return self->timeline;
}

/**
 * sb_timeline_view_get_vadjustment:
 *
 * Returns: (transfer none): the lanes' scroll position, in lanes
 */
GtkAdjustment *
sb_timeline_view_get_vadjustment (SbTimelineView *self)
{
  g_return_val_if_fail (SB_IS_TIMELINE_VIEW (self), NULL);

  return self->vadjustment;
}

const SbTimelineViewport *
sb_timeline_view_get_viewport (SbTimelineView *self)
{
  g_return_val_if_fail (SB_IS_TIMELINE_VIEW (self), NULL);

  self->viewport.n_rows = get_n_rows (self);
  self->viewport.first_row = gtk_adjustment_get_value (self->vadjustment);
  return &self->viewport;
}

double
sb_timeline_view_get_pixels_per_day (SbTimelineView *self)
{
  g_return_val_if_fail (SB_IS_TIMELINE_VIEW (self), 0);

  return self->viewport.pixels_per_day;
}

/**
 * sb_timeline_view_set_range:
 *
 * Shows the days from @first to @last across the widget.
 */
void
sb_timeline_view_set_range (SbTimelineView *self,
                            const GDate    *first,
                            const GDate    *last)
{
  int width;
  double days;

  g_return_if_fail (SB_IS_TIMELINE_VIEW (self));
  g_return_if_fail (first != NULL && g_date_valid (first));
  g_return_if_fail (last != NULL && g_date_valid (last));

  width = gtk_widget_get_width (GTK_WIDGET (self));
  days = MAX (7, g_date_days_between (first, last));
  self->viewport.pixels_per_day = 1;
  self->viewport.pixels_per_day = CLAMP (sb_timeline_get_visible_days (&self->viewport, width > 0 ? width : 1000) / days,
                                         SB_TIMELINE_MIN_PIXELS_PER_DAY, SB_TIMELINE_MAX_PIXELS_PER_DAY);
  self->viewport.first_day = g_date_get_julian (first);
  self->want_first = g_date_get_julian (first);
  self->want_last = self->want_first + days;
  self->range_set = FALSE;
  range_changed (self);
}

/**
 * sb_timeline_view_zoom:
 * @factor: more than 1 to zoom in
 * @anchor_x: the widget's x that keeps its day
 */
void
sb_timeline_view_zoom (SbTimelineView *self,
                       double          factor,
                       double          anchor_x)
{
  double x0, day, ppd;

  g_return_if_fail (SB_IS_TIMELINE_VIEW (self));
  g_return_if_fail (factor > 0);

  x0 = CLAMP (anchor_x - plot_x (self), 0, plot_width (self));
  day = sb_timeline_day_for_x (&self->viewport, x0);
  ppd = CLAMP (self->viewport.pixels_per_day * factor,
               SB_TIMELINE_MIN_PIXELS_PER_DAY, SB_TIMELINE_MAX_PIXELS_PER_DAY);
  if (ppd == self->viewport.pixels_per_day)
    return;

  self->viewport.pixels_per_day = ppd;
  self->viewport.first_day = day - x0 / ppd;
  self->range_set = TRUE;
  range_changed (self);
}

/**
 * sb_timeline_view_pan:
 * @dx: pixels to move the days by, positive towards the future
 * @drows: lanes to scroll by, positive downwards
 */
void
sb_timeline_view_pan (SbTimelineView *self,
                      double          dx,
                      double          drows)
{
  g_return_if_fail (SB_IS_TIMELINE_VIEW (self));

  if (drows != 0)
    gtk_adjustment_set_value (self->vadjustment, gtk_adjustment_get_value (self->vadjustment) + drows);
  if (dx != 0)
    {
      self->viewport.first_day = MAX (1, self->viewport.first_day + dx / self->viewport.pixels_per_day);
      self->range_set = TRUE;
      range_changed (self);
    }
}

/* Shows every date of the programme, from its first approval to its last deadline. */
void
sb_timeline_view_zoom_to_fit (SbTimelineView *self)
{
  GDate first, last;

  g_return_if_fail (SB_IS_TIMELINE_VIEW (self));

  if (self->timeline == NULL || self->timeline->first_day == 0)
    {
      set_default_range (self);
      return;
    }

  g_date_clear (&first, 1);
  g_date_clear (&last, 1);
  g_date_set_julian (&first, MAX (1, self->timeline->first_day - 30));
  g_date_set_julian (&last, self->timeline->last_day + 30);
  sb_timeline_view_set_range (self, &first, &last);
}

/* Brings today to a third of the way across, at the same zoom. */
void
sb_timeline_view_go_to_today (SbTimelineView *self)
{
  double days;

  g_return_if_fail (SB_IS_TIMELINE_VIEW (self));

  if (self->viewport.today == 0)
    return;

  days = plot_width (self) / self->viewport.pixels_per_day;
  self->viewport.first_day = self->viewport.today - days / 3;
  self->range_set = TRUE;
  range_changed (self);
}

/**
 * sb_timeline_view_activate_at:
 *
 * Focuses the lane at (@x, @y) and the mark there if any, and opens its
 * base.
 *
 * Returns: whether there was a lane
 */
gboolean
sb_timeline_view_activate_at (SbTimelineView *self,
                              double          x,
                              double          y)
{
  guint row;
  int mark;

  g_return_val_if_fail (SB_IS_TIMELINE_VIEW (self), FALSE);

  if (!sb_timeline_hit_test (&self->viewport, gtk_widget_get_width (GTK_WIDGET (self)),
                             gtk_widget_get_height (GTK_WIDGET (self)), x, y, &row, &mark))
    return FALSE;

  self->viewport.focus_row = row;
  self->viewport.focus_mark = mark;
  update_accessible (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  activate_row (self, row);
  return TRUE;
}

/**
 * sb_timeline_view_move_focus:
 * @drows: lanes to move by
 * @dmarks: marks to move by within the lane; from the lane itself, +1 is
 *   the first mark in view and -1 the last
 */
void
sb_timeline_view_move_focus (SbTimelineView *self,
                             int             drows,
                             int             dmarks)
{
  int n_rows, row, mark;
  const SbTimelineMark *old_mark;
  const SbTimelineLane *lane;
  gint32 near_day = 0;

  g_return_if_fail (SB_IS_TIMELINE_VIEW (self));

  n_rows = get_n_rows (self);
  if (n_rows == 0)
    return;

  old_mark = get_focus_mark (self);
  if (old_mark != NULL)
    near_day = old_mark->day;

  row = self->viewport.focus_row;
  mark = self->viewport.focus_mark;
  if (row < 0)
    {
      row = (int) ceil (gtk_adjustment_get_value (self->vadjustment));
      mark = -1;
      if (drows > 0)
        drows--;
    }

  row = (int) CLAMP ((gint64) row + drows, 0, n_rows - 1);
  lane = get_lane (self, row);

  if (drows != 0)
    {
      mark = -1;
      /* On another lane, the mark nearest in time to the one left */
      if (lane != NULL && near_day != 0)
        {
          guint best = G_MAXUINT;

          for (guint i = 0; i < sb_timeline_lane_get_n_marks (lane); i++)
            {
              guint distance = ABS (sb_timeline_lane_get_mark (lane, i)->day - near_day);

              if (distance < best)
                {
                  best = distance;
                  mark = i;
                }
            }
        }
    }

  if (dmarks != 0 && lane != NULL && sb_timeline_lane_get_n_marks (lane) > 0)
    {
      int n = sb_timeline_lane_get_n_marks (lane);

      if (mark < 0)
        {
          double visible_last = self->viewport.first_day + plot_width (self) / self->viewport.pixels_per_day;

          mark = dmarks > 0 ? n - 1 : 0;
          for (int i = 0; i < n; i++)
            {
              gint32 day = sb_timeline_lane_get_mark (lane, i)->day;

              if (dmarks > 0 && day >= self->viewport.first_day)
                {
                  mark = i;
                  break;
                }
              if (dmarks < 0 && day <= visible_last)
                mark = i;
            }
        }
      else
        mark = CLAMP (mark + dmarks, 0, n - 1);
    }

  self->viewport.focus_row = row;
  self->viewport.focus_mark = mark;
  self->viewport.show_focus = TRUE;
  reveal_focus (self);
  update_accessible (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * sb_timeline_view_dup_focus_description:
 *
 * Returns: (nullable) (transfer full): what the keyboard focus is on:
 *   the base and the mark, its date, article and status
 */
char *
sb_timeline_view_dup_focus_description (SbTimelineView *self)
{
  const SbTimelineMark *mark;
  const SbTimelineLane *lane;
  g_autofree char *name = NULL;
  SbBase *base;

  g_return_val_if_fail (SB_IS_TIMELINE_VIEW (self), NULL);

  if (self->viewport.focus_row < 0 || (base = get_base (self, self->viewport.focus_row)) == NULL)
    return NULL;

  lane = get_lane (self, self->viewport.focus_row);
  mark = get_focus_mark (self);
  if (mark == NULL)
    return describe_lane (self, base, lane);

  name = sb_base_dup_name (base);
  return sb_timeline_mark_describe (mark, name);
}

/**
 * sb_timeline_view_dup_title:
 *
 * Returns: (transfer full): what an export or a print is headed with
 */
char *
sb_timeline_view_dup_title (SbTimelineView *self)
{
  g_autofree char *range = NULL;
  g_autofree char *today = NULL;
  GDate date;

  g_return_val_if_fail (SB_IS_TIMELINE_VIEW (self), NULL);

  range = sb_timeline_describe_range (&self->viewport, MAX (1, gtk_widget_get_width (GTK_WIDGET (self))));
  if (self->viewport.today == 0)
    /* Translators: the heading of an exported or printed timeline, then the dates it shows */
    return g_strdup_printf (_("Innovation Bases Timeline, %s"), range);

  g_date_clear (&date, 1);
  g_date_set_julian (&date, self->viewport.today);
  today = sb_date_format (&date);
  /* Translators: the heading of an exported or printed timeline: the
   * dates it shows, then the date deadlines were judged on */
  return g_strdup_printf (_("Innovation Bases Timeline, %s, as of %s"), range, today);
}

/**
 * sb_timeline_view_export:
 *
 * Writes the visible range, the lanes in view, to @path as PNG (at twice
 * the widget's size) or PDF (a page of the widget's size), in the light
 * style with a heading.
 */
gboolean
sb_timeline_view_export (SbTimelineView    *self,
                         SbTimelineFormat   format,
                         const char        *path,
                         GError           **error)
{
  g_auto(SbChartStyle) style = { 0 };
  g_autofree char *title = NULL;
  SbTimelineViewport viewport;
  double width, height;

  g_return_val_if_fail (SB_IS_TIMELINE_VIEW (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  width = MAX (600, gtk_widget_get_width (GTK_WIDGET (self)));
  height = MAX (300, gtk_widget_get_height (GTK_WIDGET (self)));
  ensure_style (self);
  sb_chart_style_init_default (&style, FALSE);
  sb_chart_style_set_font (&style, self->style.font);
  style.scale = format == SB_TIMELINE_FORMAT_PNG ? 2 : 1;

  title = sb_timeline_view_dup_title (self);
  viewport = *sb_timeline_view_get_viewport (self);
  viewport.title = title;
  viewport.texts = NULL;   /* the screen's, laid out for it */
  viewport.hover_row = -1;
  viewport.show_focus = FALSE;
  viewport.focus_row = -1;
  /* The days the widget shows, across the export's width */
  viewport.pixels_per_day = 1;
  viewport.pixels_per_day = sb_timeline_get_visible_days (&viewport, width)
                            / sb_timeline_get_visible_days (&self->viewport,
                                                            MAX (1, gtk_widget_get_width (GTK_WIDGET (self))));
  /* As many lanes as show, and the room for the heading */
  height += SB_TIMELINE_TITLE_HEIGHT;

  return sb_timeline_export (&viewport, &style, format, path, width, height, error);
}

/**
 * sb_timeline_view_create_print_operation:
 *
 * Returns: (transfer full): an operation that prints every lane of the
 *   list, the days in view, as many lanes a page as fit
 */
GtkPrintOperation *
sb_timeline_view_create_print_operation (SbTimelineView *self)
{
  GtkPrintOperation *operation;
  g_autoptr(GtkPageSetup) setup = NULL;
  PrintJob *job;

  g_return_val_if_fail (SB_IS_TIMELINE_VIEW (self), NULL);

  ensure_style (self);
  job = g_new0 (PrintJob, 1);
  job->view = g_object_ref (self);
  job->viewport = *sb_timeline_view_get_viewport (self);
  job->viewport.texts = NULL;
  job->viewport.hover_row = -1;
  job->viewport.focus_row = -1;
  job->viewport.show_focus = FALSE;
  job->first_day = self->viewport.first_day;
  job->days = plot_width (self) / self->viewport.pixels_per_day;
  job->title = sb_timeline_view_dup_title (self);
  sb_chart_style_init_default (&job->style, FALSE);
  sb_chart_style_set_font (&job->style, self->style.font);
  job->style.background.alpha = 0;

  operation = gtk_print_operation_new ();
  setup = gtk_page_setup_new ();
  gtk_page_setup_set_orientation (setup, GTK_PAGE_ORIENTATION_LANDSCAPE);
  gtk_print_operation_set_default_page_setup (operation, setup);
  gtk_print_operation_set_job_name (operation, job->title);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  g_signal_connect (operation, "begin-print", G_CALLBACK (begin_print_cb), job);
  g_signal_connect (operation, "draw-page", G_CALLBACK (draw_page_cb), job);
  g_object_set_data_full (G_OBJECT (operation), "sb-print-job", job, print_job_free);

  return operation;
}
