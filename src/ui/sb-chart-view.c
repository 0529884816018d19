/* sb-chart-view.c: one chart, drawn in the colours of the style, with a
 * tooltip per bar and export to PNG, SVG and PDF
 *
 * The drawing is sb_chart_render()'s; this widget gives it the colours and
 * the font of the current style (light or dark, the named colours of the
 * GNOME palette), redraws when the data or the style change, tells the
 * value under the pointer, and describes the whole chart, every number in
 * it, to assistive technologies.
 *
 * Export draws the chart again, off the main thread, at a fixed size and
 * in the light style whatever the theme: an exported chart is for a
 * document or for paper.
 */
#define G_LOG_DOMAIN "sb-chart-view"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <string.h>

#include "sb-chart-view.h"

struct _SbChartView
{
  GtkWidget             parent_instance;

  /* Template widgets */
  GtkOverlay           *overlay;
  GtkDrawingArea       *drawing_area;
  GtkMenuButton        *export_button;

  SbChartData          *data;
  SbChartStyle          style;
  gboolean              style_valid;

  GtkFileChooserNative *chooser;
  SbChartFormat         chooser_format;
  GCancellable         *cancellable;
};

G_DEFINE_FINAL_TYPE (SbChartView, sb_chart_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_DATA,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The named colours of libadwaita's palette for each hue, light and dark */
static const char *palette_names[SB_CHART_N_COLORS][2] = {
  [SB_CHART_COLOR_BLUE] = { "blue_3", "blue_3" },
  [SB_CHART_COLOR_GREEN] = { "green_4", "green_5" },
  [SB_CHART_COLOR_YELLOW] = { "yellow_4", "yellow_5" },
  [SB_CHART_COLOR_ORANGE] = { "orange_4", "orange_4" },
  [SB_CHART_COLOR_RED] = { "red_4", "red_3" },
  [SB_CHART_COLOR_PURPLE] = { "purple_3", "purple_3" },
  [SB_CHART_COLOR_BROWN] = { "brown_3", "brown_3" },
  [SB_CHART_COLOR_GREY] = { "light_5", "dark_1" },
};

typedef struct
{
  SbChartData   *data;
  SbChartStyle   style;
  SbChartFormat  format;
  GFile         *file;
} ExportJob;

/* Helpers */

static void
export_job_free (ExportJob *job)
{
  sb_chart_data_free (job->data);
  sb_chart_style_clear (&job->style);
  g_clear_object (&job->file);
  g_free (job);
}

static SbChartRgba
rgba_from_gdk (const GdkRGBA *rgba)
{
  SbChartRgba color = { rgba->red, rgba->green, rgba->blue, rgba->alpha };

  return color;
}

static gboolean
is_dark (void)
{
  return adw_style_manager_get_dark (adw_style_manager_get_default ());
}

/* The chart's colours and font from the widget's style; the core's
 * defaults stand in for a colour a theme does not name. */
static void
ensure_style (SbChartView *self)
{
  GtkStyleContext *context;
  const PangoFontDescription *font;
  gboolean dark;
  GdkRGBA rgba;

  if (self->style_valid)
    return;

  dark = is_dark ();
  sb_chart_style_clear (&self->style);
  sb_chart_style_init_default (&self->style, dark);

  context = gtk_widget_get_style_context (GTK_WIDGET (self));
  gtk_style_context_get_color (context, &rgba);
  self->style.foreground = rgba_from_gdk (&rgba);
  self->style.grid = self->style.foreground;
  /* High contrast: grid lines as plain as the text's, not a faint tint. */
  if (adw_style_manager_get_high_contrast (adw_style_manager_get_default ()))
    self->style.grid.alpha *= 0.5;
  else
    self->style.grid.alpha *= dark ? 0.15 : 0.12;
  if (gtk_style_context_lookup_color (context, "view_bg_color", &rgba))
    self->style.background = rgba_from_gdk (&rgba);

  for (guint i = 0; i < SB_CHART_N_COLORS; i++)
    if (gtk_style_context_lookup_color (context, palette_names[i][dark ? 1 : 0], &rgba))
      self->style.palette[i] = rgba_from_gdk (&rgba);

  /* GTK gives the font in pixels at the desktop's resolution, so the
   * charts follow its large text (Xft/DPI, text scaling) as labels do. */
  font = pango_context_get_font_description (gtk_widget_get_pango_context (GTK_WIDGET (self)));
  if (font != NULL)
    {
      g_autofree char *name = pango_font_description_to_string (font);

      sb_chart_style_set_font (&self->style, name);
    }

  self->style_valid = TRUE;
}

static void
invalidate_style (SbChartView *self)
{
  self->style_valid = FALSE;
  if (self->drawing_area != NULL)
    gtk_widget_queue_draw (GTK_WIDGET (self->drawing_area));
}

static void
sb_chart_view_update_actions (SbChartView *self)
{
  gboolean can_export = self->data != NULL && self->chooser == NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "chart.export-png", can_export);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "chart.export-svg", can_export);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "chart.export-pdf", can_export);
}

static void
update_accessible (SbChartView *self)
{
  g_autofree char *description = NULL;
  const char *title = NULL;

  if (self->data != NULL)
    {
      description = sb_chart_describe (self->data);
      title = sb_chart_data_get_title (self->data);
    }

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, title ? title : _("Chart"),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description ? description : "",
                                  -1);

  /* Five charts, five export buttons: each says which chart it exports. */
  if (title != NULL)
    {
      /* Translators: the accessible name of a chart's export button, e.g. Export “Bases by domain” */
      g_autofree char *export_label = g_strdup_printf (_("Export “%s”"), title);

      gtk_accessible_update_property (GTK_ACCESSIBLE (self->export_button),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, export_label,
                                      -1);
    }
}

/* A file name from the chart's title, without the characters file
 * systems refuse. */
static char *
suggest_file_name (SbChartView   *self,
                   SbChartFormat  format)
{
  const char *title = self->data ? sb_chart_data_get_title (self->data) : NULL;
  g_autofree char *base = g_strdup (title != NULL && *title != '\0' ? title : _("Chart"));

  g_strdelimit (base, "/\\:*?\"<>|", '-');
  return g_strdup_printf ("%s.%s", base, sb_chart_format_get_extension (format));
}

static void
show_error (SbChartView  *self,
            const GError *error)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   _("Could Not Export the Chart"), error->message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Callbacks */

static void
draw_cb (GtkDrawingArea *area,
         cairo_t        *cr,
         int             width,
         int             height,
         gpointer        user_data)
{
  SbChartView *self = SB_CHART_VIEW (user_data);

  if (self->data == NULL)
    return;

  ensure_style (self);
  sb_chart_render (cr, self->data, &self->style, width, height);
}

static gboolean
query_tooltip_cb (GtkWidget  *widget,
                  int         x,
                  int         y,
                  gboolean    keyboard_mode,
                  GtkTooltip *tooltip,
                  gpointer    user_data)
{
  SbChartView *self = SB_CHART_VIEW (user_data);
  g_autofree char *text = NULL;
  guint category, series;

  if (self->data == NULL || keyboard_mode)
    return FALSE;

  ensure_style (self);
  if (!sb_chart_hit_test (self->data, &self->style, gtk_widget_get_width (widget),
                          gtk_widget_get_height (widget), x, y, &category, &series))
    return FALSE;

  text = sb_chart_describe_value (self->data, category, series);
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

static void
dark_changed_cb (SbChartView *self)
{
  invalidate_style (self);
}

static void
scale_factor_changed_cb (SbChartView *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self->drawing_area));
}

static void
export_in_thread (GTask        *task,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  ExportJob *job = task_data;
  g_autofree char *path = g_file_get_path (job->file);
  g_autoptr(GError) error = NULL;

  if (path == NULL)
    {
      g_autofree char *uri = g_file_get_uri (job->file);

      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                               _("Charts can only be exported to local files, not to “%s”"), uri);
      return;
    }

  if (!sb_chart_export (job->data, &job->style, job->format, path,
                        SB_CHART_VIEW_EXPORT_WIDTH, SB_CHART_VIEW_EXPORT_HEIGHT, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  g_task_return_boolean (task, TRUE);
}

static void
exported_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  SbChartView *self = SB_CHART_VIEW (object);
  g_autoptr(GError) error = NULL;

  if (!sb_chart_view_export_finish (self, result, &error)
      && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    show_error (self, error);
}

static void
chooser_response_cb (GtkNativeDialog *dialog,
                     int              response,
                     gpointer         user_data)
{
  SbChartView *self = SB_CHART_VIEW (user_data);
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));

  gtk_native_dialog_destroy (dialog);
  g_clear_object (&self->chooser);

  if (file != NULL)
    {
      g_autofree char *name = g_file_get_basename (file);

      /* A name without an extension gets the format's */
      if (strchr (name, '.') == NULL)
        {
          g_autoptr(GFile) parent = g_file_get_parent (file);
          g_autofree char *with_extension = NULL;

          with_extension = g_strdup_printf ("%s.%s", name,
                                            sb_chart_format_get_extension (self->chooser_format));
          g_object_unref (file);
          file = g_file_get_child (parent, with_extension);
        }

      sb_chart_view_export_async (self, self->chooser_format, file, self->cancellable,
                                  exported_cb, NULL);
    }

  sb_chart_view_update_actions (self);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  SbChartView *self = SB_CHART_VIEW (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *name = NULL;
  SbChartFormat format;

  if (self->data == NULL || self->chooser != NULL)
    return;

  if (g_str_equal (action_name, "chart.export-svg"))
    {
      format = SB_CHART_FORMAT_SVG;
      gtk_file_filter_set_name (filter, _("SVG Images"));
    }
  else if (g_str_equal (action_name, "chart.export-pdf"))
    {
      format = SB_CHART_FORMAT_PDF;
      gtk_file_filter_set_name (filter, _("PDF Documents"));
    }
  else
    {
      format = SB_CHART_FORMAT_PNG;
      gtk_file_filter_set_name (filter, _("PNG Images"));
    }
  gtk_file_filter_add_mime_type (filter, sb_chart_format_get_mime_type (format));

  self->chooser_format = format;
  self->chooser = gtk_file_chooser_native_new (_("Export Chart"),
                                               GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                               GTK_FILE_CHOOSER_ACTION_SAVE,
                                               _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  name = suggest_file_name (self, format);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), name);
  g_signal_connect (self->chooser, "response", G_CALLBACK (chooser_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));

  sb_chart_view_update_actions (self);
}

/* GObject overrides */

static void
sb_chart_view_css_changed (GtkWidget         *widget,
                           GtkCssStyleChange *change)
{
  GTK_WIDGET_CLASS (sb_chart_view_parent_class)->css_changed (widget, change);

  invalidate_style (SB_CHART_VIEW (widget));
}

static void
sb_chart_view_system_setting_changed (GtkWidget        *widget,
                                      GtkSystemSetting  setting)
{
  GTK_WIDGET_CLASS (sb_chart_view_parent_class)->system_setting_changed (widget, setting);

  if (setting == GTK_SYSTEM_SETTING_FONT_NAME || setting == GTK_SYSTEM_SETTING_FONT_CONFIG)
    invalidate_style (SB_CHART_VIEW (widget));
}

static void
sb_chart_view_dispose (GObject *object)
{
  SbChartView *self = (SbChartView *)object;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->chooser != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->chooser, self);
      gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
      g_clear_object (&self->chooser);
    }

  gtk_widget_dispose_template (GTK_WIDGET (self), SB_TYPE_CHART_VIEW);

  G_OBJECT_CLASS (sb_chart_view_parent_class)->dispose (object);
}

static void
sb_chart_view_finalize (GObject *object)
{
  SbChartView *self = (SbChartView *)object;

  g_clear_pointer (&self->data, sb_chart_data_free);
  sb_chart_style_clear (&self->style);

  G_OBJECT_CLASS (sb_chart_view_parent_class)->finalize (object);
}

static void
sb_chart_view_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  SbChartView *self = SB_CHART_VIEW (object);

  switch (prop_id)
    {
    case PROP_DATA:
      g_value_set_boxed (value, self->data);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sb_chart_view_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  SbChartView *self = SB_CHART_VIEW (object);

  switch (prop_id)
    {
    case PROP_DATA:
      sb_chart_view_set_data (self, g_value_get_boxed (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sb_chart_view_class_init (SbChartViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sb_chart_view_dispose;
  object_class->finalize = sb_chart_view_finalize;
  object_class->get_property = sb_chart_view_get_property;
  object_class->set_property = sb_chart_view_set_property;

  widget_class->css_changed = sb_chart_view_css_changed;
  widget_class->system_setting_changed = sb_chart_view_system_setting_changed;

  /**
   * SbChartView:data: (type SbChartData)
   *
   * The chart shown, a copy of the one set; %NULL shows nothing.
   */
  properties[PROP_DATA] =
    g_param_spec_boxed ("data", NULL, NULL,
                        SB_TYPE_CHART_DATA,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/shanxi/StdBase/ui/sb-chart-view.ui");
  gtk_widget_class_bind_template_child (widget_class, SbChartView, overlay);
  gtk_widget_class_bind_template_child (widget_class, SbChartView, drawing_area);
  gtk_widget_class_bind_template_child (widget_class, SbChartView, export_button);
  gtk_widget_class_bind_template_callback (widget_class, query_tooltip_cb);

  gtk_widget_class_install_action (widget_class, "chart.export-png", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "chart.export-svg", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "chart.export-pdf", NULL, export_action);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
  gtk_widget_class_set_css_name (widget_class, "chartview");
}

static void
sb_chart_view_init (SbChartView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  sb_chart_style_init_default (&self->style, FALSE);

  gtk_drawing_area_set_draw_func (self->drawing_area, draw_cb, self, NULL);
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (dark_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect (self, "notify::scale-factor", G_CALLBACK (scale_factor_changed_cb), NULL);

  update_accessible (self);
  sb_chart_view_update_actions (self);
  gtk_widget_set_visible (GTK_WIDGET (self->export_button), FALSE);
}

/* Public API */

GtkWidget *
sb_chart_view_new (void)
{
  return g_object_new (SB_TYPE_CHART_VIEW, NULL);
}

/**
 * sb_chart_view_get_data:
 *
 * Returns: (transfer none) (nullable): the chart shown
 */
const SbChartData *
sb_chart_view_get_data (SbChartView *self)
{
  g_return_val_if_fail (SB_IS_CHART_VIEW (self), NULL);

  return self->data;
}

/**
 * sb_chart_view_set_data:
 * @data: (nullable): the chart to show; the view keeps a copy
 */
void
sb_chart_view_set_data (SbChartView       *self,
                        const SbChartData *data)
{
  g_return_if_fail (SB_IS_CHART_VIEW (self));

  if (sb_chart_data_equal (self->data, data))
    return;

  g_clear_pointer (&self->data, sb_chart_data_free);
  if (data != NULL)
    self->data = sb_chart_data_copy (data);

  update_accessible (self);
  sb_chart_view_update_actions (self);
  gtk_widget_set_visible (GTK_WIDGET (self->export_button), self->data != NULL);
  gtk_widget_queue_draw (GTK_WIDGET (self->drawing_area));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATA]);
}

/**
 * sb_chart_view_get_style:
 *
 * Returns: (transfer none): the colours and font the chart is drawn with,
 *   those of the widget's current style
 */
const SbChartStyle *
sb_chart_view_get_style (SbChartView *self)
{
  g_return_val_if_fail (SB_IS_CHART_VIEW (self), NULL);

  ensure_style (self);
  return &self->style;
}

/**
 * sb_chart_view_export_async:
 * @file: a local file to write; replaced if it exists
 *
 * Writes the chart shown to @file, at %SB_CHART_VIEW_EXPORT_WIDTH ×
 * %SB_CHART_VIEW_EXPORT_HEIGHT in the light style and the widget's font,
 * in a worker thread.
 */
void
sb_chart_view_export_async (SbChartView         *self,
                            SbChartFormat        format,
                            GFile               *file,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  ExportJob *job;

  g_return_if_fail (SB_IS_CHART_VIEW (self));
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, sb_chart_view_export_async);

  if (self->data == NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_FAILED, _("There is no chart to export"));
      return;
    }

  ensure_style (self);
  job = g_new0 (ExportJob, 1);
  job->data = sb_chart_data_copy (self->data);
  sb_chart_style_init_default (&job->style, FALSE);
  sb_chart_style_set_font (&job->style, self->style.font);
  job->style.scale = 2;
  job->format = format;
  job->file = g_object_ref (file);
  g_task_set_task_data (task, job, (GDestroyNotify) export_job_free);

  g_task_run_in_thread (task, export_in_thread);
}

gboolean
sb_chart_view_export_finish (SbChartView   *self,
                             GAsyncResult  *result,
                             GError       **error)
{
  g_return_val_if_fail (SB_IS_CHART_VIEW (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == sb_chart_view_export_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
