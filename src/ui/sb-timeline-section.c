/* sb-timeline-section.c: the Timeline section
 *
 * The timeline of the bases the Bases filters list, its zoom, export and
 * print tools, and the deadline watch beside it.  A lane or a row that is
 * activated asks, through ::base-activated, for its base's page.
 */
#define G_LOG_DOMAIN "sb-timeline-section"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <string.h>

#include "sb-timeline-section.h"

#define ZOOM_STEP 1.25

struct _SbTimelineSection
{
  GtkWidget             parent_instance;

  /* Template widgets */
  GtkLabel             *range_label;
  GtkStack             *stack;
  SbTimelineView       *view;
  GtkScrollbar         *scrollbar;
  SbDeadlineWatchPanel *watch;

  GListModel           *bases;
  GtkFileChooserNative *chooser;
  SbTimelineFormat      chooser_format;

  /* Data that came while the section was hidden, shown once it is mapped:
   * the window starts on another section, quicker. */
  gboolean              pending;
  SbTimeline           *pending_timeline;
  GPtrArray            *pending_watch;
};

G_DEFINE_FINAL_TYPE (SbTimelineSection, sb_timeline_section, GTK_TYPE_WIDGET)

enum {
  BASE_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Helpers */

static void
update_state (SbTimelineSection *self)
{
  gboolean any = self->bases != NULL && g_list_model_get_n_items (self->bases) > 0;

  gtk_stack_set_visible_child_name (self->stack, any || self->bases == NULL ? "timeline" : "empty");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "timeline.export-png", any);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "timeline.export-pdf", any);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "timeline.print", any);
}

static void
show_error (SbTimelineSection *self,
            const char        *heading,
            const GError      *error)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, heading, error->message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Callbacks */

static void
base_activated_cb (SbTimelineSection *self,
                   gint64             id)
{
  g_signal_emit (self, signals[BASE_ACTIVATED], 0, id);
}

static void
range_changed_cb (SbTimelineSection *self)
{
  g_autofree char *range = sb_timeline_describe_range (sb_timeline_view_get_viewport (self->view),
                                                       MAX (1, gtk_widget_get_width (GTK_WIDGET (self->view))));

  gtk_label_set_text (self->range_label, range);
}

static void
bases_changed_cb (SbTimelineSection *self)
{
  update_state (self);
}

static void
chooser_response_cb (GtkNativeDialog   *dialog,
                     int                response,
                     SbTimelineSection *self)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));

  gtk_native_dialog_destroy (dialog);
  g_clear_object (&self->chooser);

  if (file == NULL)
    return;

  path = g_file_get_path (file);
  if (path == NULL)
    {
      g_autofree char *uri = g_file_get_uri (file);

      g_set_error (&error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   _("The timeline can only be exported to local files, not to “%s”"), uri);
    }
  else
    {
      const char *extension = self->chooser_format == SB_TIMELINE_FORMAT_PDF ? ".pdf" : ".png";
      g_autofree char *base = g_path_get_basename (path);

      /* A name without an extension gets the format's */
      if (strchr (base, '.') == NULL)
        {
          char *with = g_strconcat (path, extension, NULL);

          g_free (path);
          path = with;
        }
      sb_timeline_view_export (self->view, self->chooser_format, path, &error);
    }

  if (error != NULL)
    show_error (self, _("Could Not Export the Timeline"), error);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  SbTimelineSection *self = SB_TIMELINE_SECTION (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *name = NULL;
  gboolean pdf = g_str_equal (action_name, "timeline.export-pdf");

  if (self->chooser != NULL)
    return;

  self->chooser_format = pdf ? SB_TIMELINE_FORMAT_PDF : SB_TIMELINE_FORMAT_PNG;
  gtk_file_filter_set_name (filter, pdf ? _("PDF Documents") : _("PNG Images"));
  gtk_file_filter_add_mime_type (filter, pdf ? "application/pdf" : "image/png");

  self->chooser = gtk_file_chooser_native_new (_("Export Timeline"),
                                               GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                               GTK_FILE_CHOOSER_ACTION_SAVE,
                                               _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  /* Translators: the file name an exported timeline is suggested, without extension */
  name = g_strdup_printf ("%s.%s", _("timeline"), pdf ? "pdf" : "png");
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), name);
  g_signal_connect (self->chooser, "response", G_CALLBACK (chooser_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
print_done_cb (GtkPrintOperation       *operation,
               GtkPrintOperationResult  result,
               SbTimelineSection       *self)
{
  g_autoptr(GError) error = NULL;

  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      gtk_print_operation_get_error (operation, &error);
      if (error != NULL)
        show_error (self, _("Could Not Print the Timeline"), error);
    }
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  SbTimelineSection *self = SB_TIMELINE_SECTION (widget);
  g_autoptr(GtkPrintOperation) operation = sb_timeline_view_create_print_operation (self->view);
  GtkRoot *root = gtk_widget_get_root (widget);
  g_autoptr(GError) error = NULL;

  gtk_print_operation_set_allow_async (operation, TRUE);
  g_signal_connect_object (operation, "done", G_CALLBACK (print_done_cb), self, 0);
  if (gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                               GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                               &error) == GTK_PRINT_OPERATION_RESULT_ERROR)
    show_error (self, _("Could Not Print the Timeline"), error);
}

static void
zoom_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  SbTimelineSection *self = SB_TIMELINE_SECTION (widget);
  const SbTimelineViewport *viewport = sb_timeline_view_get_viewport (self->view);
  SbTimelineRect plot;

  sb_timeline_get_plot (viewport, gtk_widget_get_width (GTK_WIDGET (self->view)),
                        gtk_widget_get_height (GTK_WIDGET (self->view)), &plot);

  if (g_str_equal (action_name, "timeline.zoom-in"))
    sb_timeline_view_zoom (self->view, ZOOM_STEP, plot.x + plot.width / 2);
  else if (g_str_equal (action_name, "timeline.zoom-out"))
    sb_timeline_view_zoom (self->view, 1 / ZOOM_STEP, plot.x + plot.width / 2);
  else if (g_str_equal (action_name, "timeline.zoom-fit"))
    sb_timeline_view_zoom_to_fit (self->view);
  else
    sb_timeline_view_go_to_today (self->view);
}

/* GObject overrides */

static void
sb_timeline_section_dispose (GObject *object)
{
  GtkWidget *child;
  SbTimelineSection *self = (SbTimelineSection *)object;

  if (self->chooser != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->chooser, self);
      gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
      g_clear_object (&self->chooser);
    }
  if (self->bases != NULL)
    g_signal_handlers_disconnect_by_data (self->bases, self);
  g_clear_object (&self->bases);
  g_clear_pointer (&self->pending_timeline, sb_timeline_unref);
  g_clear_pointer (&self->pending_watch, g_ptr_array_unref);

  gtk_widget_dispose_template (GTK_WIDGET (self), SB_TYPE_TIMELINE_SECTION);
  /* and the box that holds them */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (sb_timeline_section_parent_class)->dispose (object);
}

static void
apply_pending (SbTimelineSection *self)
{
  g_autoptr(SbTimeline) timeline = g_steal_pointer (&self->pending_timeline);
  g_autoptr(GPtrArray) watch = g_steal_pointer (&self->pending_watch);

  if (!self->pending)
    return;

  self->pending = FALSE;
  sb_timeline_view_set_timeline (self->view, timeline);
  sb_deadline_watch_panel_set_items (self->watch, watch);
  range_changed_cb (self);
}

static void
sb_timeline_section_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (sb_timeline_section_parent_class)->map (widget);

  apply_pending (SB_TIMELINE_SECTION (widget));
}

static void
sb_timeline_section_class_init (SbTimelineSectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sb_timeline_section_dispose;
  widget_class->map = sb_timeline_section_map;

  /**
   * SbTimelineSection::base-activated:
   * @id: the base's number
   */
  signals[BASE_ACTIVATED] = g_signal_new ("base-activated", G_TYPE_FROM_CLASS (klass),
                                          G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                          G_TYPE_NONE, 1, G_TYPE_INT64);

  g_type_ensure (SB_TYPE_TIMELINE_VIEW);
  g_type_ensure (SB_TYPE_DEADLINE_WATCH_PANEL);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/shanxi/StdBase/ui/sb-timeline-section.ui");
  gtk_widget_class_bind_template_child (widget_class, SbTimelineSection, range_label);
  gtk_widget_class_bind_template_child (widget_class, SbTimelineSection, stack);
  gtk_widget_class_bind_template_child (widget_class, SbTimelineSection, view);
  gtk_widget_class_bind_template_child (widget_class, SbTimelineSection, scrollbar);
  gtk_widget_class_bind_template_child (widget_class, SbTimelineSection, watch);
  gtk_widget_class_bind_template_callback (widget_class, base_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, range_changed_cb);

  gtk_widget_class_install_action (widget_class, "timeline.zoom-in", NULL, zoom_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_equal, GDK_CONTROL_MASK, "timeline.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_plus, GDK_CONTROL_MASK, "timeline.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Add, GDK_CONTROL_MASK, "timeline.zoom-in", NULL);
  gtk_widget_class_install_action (widget_class, "timeline.zoom-out", NULL, zoom_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_minus, GDK_CONTROL_MASK, "timeline.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Subtract, GDK_CONTROL_MASK, "timeline.zoom-out", NULL);
  gtk_widget_class_install_action (widget_class, "timeline.zoom-fit", NULL, zoom_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_0, GDK_CONTROL_MASK, "timeline.zoom-fit", NULL);
  gtk_widget_class_install_action (widget_class, "timeline.today", NULL, zoom_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_t, GDK_CONTROL_MASK, "timeline.today", NULL);
  gtk_widget_class_install_action (widget_class, "timeline.export-png", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "timeline.export-pdf", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "timeline.print", NULL, print_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "timeline.print", NULL);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
sb_timeline_section_init (SbTimelineSection *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_scrollbar_set_adjustment (self->scrollbar, sb_timeline_view_get_vadjustment (self->view));
  update_state (self);
  range_changed_cb (self);
}

/* Public API */

GtkWidget *
sb_timeline_section_new (void)
{
  return g_object_new (SB_TYPE_TIMELINE_SECTION, NULL);
}

/**
 * sb_timeline_section_set_bases:
 * @bases: (nullable): the bases the Bases filters list, in their order
 */
void
sb_timeline_section_set_bases (SbTimelineSection *self,
                               GListModel        *bases)
{
  g_return_if_fail (SB_IS_TIMELINE_SECTION (self));

  if (self->bases == bases)
    return;

  if (self->bases != NULL)
    g_signal_handlers_disconnect_by_data (self->bases, self);
  g_set_object (&self->bases, bases);
  if (bases != NULL)
    g_signal_connect_object (bases, "items-changed", G_CALLBACK (bases_changed_cb), self,
                             G_CONNECT_SWAPPED);

  sb_timeline_view_set_bases (self->view, bases);
  sb_deadline_watch_panel_set_bases (self->watch, bases);
  update_state (self);
}

/**
 * sb_timeline_section_set_data:
 * @timeline: (nullable): every base's lane
 * @watch_items: (nullable) (element-type SbDueItem): the watch list
 */
void
sb_timeline_section_set_data (SbTimelineSection *self,
                              SbTimeline        *timeline,
                              GPtrArray         *watch_items)
{
  g_return_if_fail (SB_IS_TIMELINE_SECTION (self));

  g_clear_pointer (&self->pending_timeline, sb_timeline_unref);
  g_clear_pointer (&self->pending_watch, g_ptr_array_unref);
  self->pending_timeline = timeline ? sb_timeline_ref (timeline) : NULL;
  self->pending_watch = watch_items ? g_ptr_array_ref (watch_items) : NULL;
  self->pending = TRUE;

  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    apply_pending (self);
}

SbTimelineView *
sb_timeline_section_get_view (SbTimelineSection *self)
{
  g_return_val_if_fail (SB_IS_TIMELINE_SECTION (self), NULL);

  apply_pending (self);
  return self->view;
}

SbDeadlineWatchPanel *
sb_timeline_section_get_watch (SbTimelineSection *self)
{
  g_return_val_if_fail (SB_IS_TIMELINE_SECTION (self), NULL);

  apply_pending (self);
  return self->watch;
}

void
sb_timeline_section_focus_watch (SbTimelineSection *self)
{
  g_return_if_fail (SB_IS_TIMELINE_SECTION (self));

  apply_pending (self);
  sb_deadline_watch_panel_focus (self->watch);
}
