/* sb-dashboard-view.c: the programme at a glance
 *
 * Headline figures, one card per domain, and the charts.  It only shows
 * the figures the window hands it; activating a domain card emits
 * ::domain-activated so the window can open the filtered list.
 *
 * The charts lie below the domain cards, out of sight in a window of the
 * default size.  They are built just after the dashboard is first drawn:
 * building, laying out and drawing them was some 30 ms of the main
 * thread's work before a starting app's first frame.
 */
#define G_LOG_DOMAIN "sb-dashboard-view"

#include "config.h"

#include <glib/gi18n.h>

#include "sb-chart-assessments.h"
#include "sb-chart-cities.h"
#include "sb-chart-domains.h"
#include "sb-chart-pipeline.h"
#include "sb-chart-standards.h"
#include "sb-chart-view.h"
#include "sb-dashboard-view.h"
#include "sb-domain-card.h"
#include "sb-locale.h"

struct _SbDashboardView
{
  AdwBin       parent_instance;

  GtkWidget   *unknown_notice;
  GtkLabel    *unknown_title;
  GtkLabel    *unknown_reason;
  GtkFlowBox  *figures_box;
  GtkFlowBox  *domains_box;
  GtkFlowBox  *charts_box;
  GtkLabel    *applying_value;
  GtkLabel    *preparing_value;
  GtkLabel    *constructing_value;
  GtkLabel    *established_value;
  GtkLabel    *revoked_value;
  GtkLabel    *due_value;
  GtkLabel    *overdue_value;
  GtkLabel    *standards_value;

  SbChartView *charts[5];       /* once the dashboard has been drawn */
  SbChartData *chart_data[5];   /* what they will show, until then */
  guint        build_charts_id;
};

G_DEFINE_FINAL_TYPE (SbDashboardView, sb_dashboard_view, ADW_TYPE_BIN)

enum {
  DOMAIN_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
set_number (GtkLabel *label,
            int       value)
{
  g_autofree char *text = g_strdup_printf ("%d", value);

  gtk_label_set_label (label, text);
}

static void
domain_activated_cb (SbDashboardView *self,
                     GtkFlowBoxChild *child,
                     GtkFlowBox      *box)
{
  GtkWidget *card = gtk_flow_box_child_get_child (child);

  g_signal_emit (self, signals[DOMAIN_ACTIVATED], 0,
                 sb_domain_card_get_code (SB_DOMAIN_CARD (card)));
}

static void
remove_children (GtkFlowBox *box)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (box))) != NULL)
    gtk_flow_box_remove (box, child);
}

static gboolean
build_charts_cb (gpointer user_data)
{
  SbDashboardView *self = user_data;

  self->build_charts_id = 0;
  /* Mapped twice before the first tick: built once. */
  if (self->charts[0] != NULL)
    return G_SOURCE_REMOVE;

  for (guint i = 0; i < G_N_ELEMENTS (self->charts); i++)
    {
      self->charts[i] = SB_CHART_VIEW (sb_chart_view_new ());
      gtk_widget_set_size_request (GTK_WIDGET (self->charts[i]), 360, 320);
      gtk_flow_box_append (self->charts_box, GTK_WIDGET (self->charts[i]));
      if (self->chart_data[i] != NULL)
        sb_chart_view_set_data (self->charts[i], self->chart_data[i]);
      g_clear_pointer (&self->chart_data[i], sb_chart_data_free);
    }

  return G_SOURCE_REMOVE;
}

/* Ticks come before a frame is drawn; an idle comes after it. */
static gboolean
first_tick_cb (GtkWidget     *widget,
               GdkFrameClock *frame_clock,
               gpointer       user_data)
{
  SbDashboardView *self = SB_DASHBOARD_VIEW (widget);

  if (self->build_charts_id == 0)
    self->build_charts_id = g_idle_add (build_charts_cb, self);

  return G_SOURCE_REMOVE;
}

static void
sb_dashboard_view_map (GtkWidget *widget)
{
  SbDashboardView *self = SB_DASHBOARD_VIEW (widget);

  GTK_WIDGET_CLASS (sb_dashboard_view_parent_class)->map (widget);

  if (self->charts[0] == NULL)
    gtk_widget_add_tick_callback (widget, first_tick_cb, NULL, NULL);
}

static void
sb_dashboard_view_dispose (GObject *object)
{
  SbDashboardView *self = SB_DASHBOARD_VIEW (object);

  g_clear_handle_id (&self->build_charts_id, g_source_remove);
  for (guint i = 0; i < G_N_ELEMENTS (self->chart_data); i++)
    g_clear_pointer (&self->chart_data[i], sb_chart_data_free);
  gtk_widget_dispose_template (GTK_WIDGET (object), SB_TYPE_DASHBOARD_VIEW);

  G_OBJECT_CLASS (sb_dashboard_view_parent_class)->dispose (object);
}

static void
sb_dashboard_view_class_init (SbDashboardViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sb_dashboard_view_dispose;
  widget_class->map = sb_dashboard_view_map;

  /**
   * SbDashboardView::domain-activated:
   * @code: the domain's code
   *
   * A domain card was activated, by click or keyboard.
   */
  signals[DOMAIN_ACTIVATED] =
    g_signal_new ("domain-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  g_type_ensure (SB_TYPE_CHART_VIEW);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/shanxi/StdBase/ui/sb-dashboard-view.ui");
  gtk_widget_class_bind_template_child (widget_class, SbDashboardView, unknown_notice);
  gtk_widget_class_bind_template_child (widget_class, SbDashboardView, unknown_title);
  gtk_widget_class_bind_template_child (widget_class, SbDashboardView, unknown_reason);
  gtk_widget_class_bind_template_child (widget_class, SbDashboardView, figures_box);
  gtk_widget_class_bind_template_child (widget_class, SbDashboardView, domains_box);
  gtk_widget_class_bind_template_child (widget_class, SbDashboardView, charts_box);
  gtk_widget_class_bind_template_child (widget_class, SbDashboardView, applying_value);
  gtk_widget_class_bind_template_child (widget_class, SbDashboardView, preparing_value);
  gtk_widget_class_bind_template_child (widget_class, SbDashboardView, constructing_value);
  gtk_widget_class_bind_template_child (widget_class, SbDashboardView, established_value);
  gtk_widget_class_bind_template_child (widget_class, SbDashboardView, revoked_value);
  gtk_widget_class_bind_template_child (widget_class, SbDashboardView, due_value);
  gtk_widget_class_bind_template_child (widget_class, SbDashboardView, overdue_value);
  gtk_widget_class_bind_template_child (widget_class, SbDashboardView, standards_value);
  gtk_widget_class_bind_template_callback (widget_class, domain_activated_cb);
}

static void
sb_dashboard_view_init (SbDashboardView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

void
sb_dashboard_data_free (SbDashboardData *data)
{
  if (data == NULL)
    return;

  g_clear_pointer (&data->domains, g_ptr_array_unref);
  g_clear_pointer (&data->nearest_names, g_ptr_array_unref);
  g_clear_pointer (&data->cities, g_ptr_array_unref);
  g_clear_pointer (&data->standards_years, g_array_unref);
  g_clear_pointer (&data->assessment_years, g_array_unref);
  g_free (data->unknown_reason);
  g_free (data);
}

void
sb_dashboard_view_set_data (SbDashboardView       *self,
                            const SbDashboardData *data)
{
  const SbProgrammeSummary *programme;
  gboolean chinese = sb_locale_prefers_chinese ();

  g_return_if_fail (SB_IS_DASHBOARD_VIEW (self));
  g_return_if_fail (data != NULL);

  programme = &data->programme;
  set_number (self->applying_value, programme->by_phase[SB_PHASE_APPLYING]);
  set_number (self->preparing_value, programme->by_phase[SB_PHASE_PREPARING]);
  set_number (self->constructing_value, programme->by_phase[SB_PHASE_CONSTRUCTING]);
  set_number (self->established_value, programme->by_phase[SB_PHASE_ESTABLISHED]);
  set_number (self->revoked_value, programme->by_phase[SB_PHASE_REVOKED]);
  set_number (self->due_value, programme->due_within_30_days);
  set_number (self->overdue_value, programme->overdue);
  set_number (self->standards_value, programme->standards_this_year);

  if (programme->overdue > 0)
    gtk_widget_add_css_class (GTK_WIDGET (self->overdue_value), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->overdue_value), "error");

  /* Deadlines that cannot be computed head the domain cards; one notice
   * says why, and what to do. */
  gtk_widget_set_visible (self->unknown_notice, programme->unknown_deadlines > 0);
  if (programme->unknown_deadlines > 0)
    {
      g_autofree char *title = NULL;

      title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d deadline cannot be computed",
                                            "%d deadlines cannot be computed",
                                            programme->unknown_deadlines),
                               programme->unknown_deadlines);
      gtk_label_set_label (self->unknown_title, title);
      gtk_label_set_label (self->unknown_reason, data->unknown_reason ? data->unknown_reason : "");
    }

  remove_children (self->domains_box);
  for (guint i = 0; i < data->domains->len; i++)
    {
      const SbGroupSummary *summary = g_ptr_array_index (data->domains, i);
      const char *nearest = i < data->nearest_names->len
                            ? g_ptr_array_index (data->nearest_names, i) : NULL;

      gtk_flow_box_append (self->domains_box, sb_domain_card_new (summary, nearest));
    }

  /* The five charts are fixed; only their data changes. */
  for (guint i = 0; i < G_N_ELEMENTS (self->chart_data); i++)
    g_clear_pointer (&self->chart_data[i], sb_chart_data_free);
  self->chart_data[0] = sb_chart_domains_new (data->domains, chinese);
  self->chart_data[1] = sb_chart_pipeline_new (data->pipeline);
  self->chart_data[2] = sb_chart_standards_new (data->standards_years);
  self->chart_data[3] = sb_chart_assessments_new (data->assessment_years);
  self->chart_data[4] = sb_chart_cities_new (data->cities, chinese);
  if (self->charts[0] == NULL)
    return;

  for (guint i = 0; i < G_N_ELEMENTS (self->charts); i++)
    {
      sb_chart_view_set_data (self->charts[i], self->chart_data[i]);
      g_clear_pointer (&self->chart_data[i], sb_chart_data_free);
    }
}

guint
sb_dashboard_view_get_n_domains (SbDashboardView *self)
{
  guint n = 0;

  g_return_val_if_fail (SB_IS_DASHBOARD_VIEW (self), 0);

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->domains_box));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n++;

  return n;
}

/* For tests and the keyboard: activate the card of @code as a click would. */
gboolean
sb_dashboard_view_activate_domain (SbDashboardView *self,
                                   const char      *code)
{
  g_return_val_if_fail (SB_IS_DASHBOARD_VIEW (self), FALSE);

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->domains_box));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *card = gtk_flow_box_child_get_child (GTK_FLOW_BOX_CHILD (child));

      if (g_strcmp0 (sb_domain_card_get_code (SB_DOMAIN_CARD (card)), code) == 0)
        {
          g_signal_emit_by_name (self->domains_box, "child-activated", child);
          return TRUE;
        }
    }

  return FALSE;
}

/**
 * sb_dashboard_view_get_figure:
 * @name: "applying", "preparing", "constructing", "established",
 *   "revoked", "due", "overdue" or "standards"; or "unknown", the notice
 *   of deadlines that cannot be computed
 *
 * Returns: (nullable): the text a headline figure shows, or the notice's
 *   title while it is shown
 */
const char *
sb_dashboard_view_get_figure (SbDashboardView *self,
                              const char      *name)
{
  const struct { const char *name; GtkLabel *label; } figures[] = {
    { "applying", self->applying_value },
    { "preparing", self->preparing_value },
    { "constructing", self->constructing_value },
    { "established", self->established_value },
    { "revoked", self->revoked_value },
    { "due", self->due_value },
    { "overdue", self->overdue_value },
    { "standards", self->standards_value },
  };

  g_return_val_if_fail (SB_IS_DASHBOARD_VIEW (self), NULL);

  if (g_strcmp0 (name, "unknown") == 0)
    return gtk_widget_get_visible (self->unknown_notice) ? gtk_label_get_label (self->unknown_title) : NULL;

  for (guint i = 0; i < G_N_ELEMENTS (figures); i++)
    {
      if (g_strcmp0 (figures[i].name, name) == 0)
        return gtk_label_get_label (figures[i].label);
    }

  return NULL;
}
