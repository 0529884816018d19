/* sb-window.c: the main window
 *
 * Opens the programme and reads its bases and figures off the main thread,
 * then shows them in four sections: the dashboard, the bases, the timeline
 * and the certificates.  Until then it shows a spinner; a database it cannot
 * open gets an error page that says why, an empty one a way to the demo.
 */
#define G_LOG_DOMAIN "sb-window"

#include "config.h"

#include <glib/gi18n.h>

#include "sb-base.h"
#include "sb-bases-view.h"
#include "sb-dashboard-view.h"
#include "sb-date.h"
#include "sb-demo.h"
#include "sb-programme.h"
#include "sb-pdf-window.h"
#include "sb-statistics.h"
#include "sb-window.h"

struct _SbWindow
{
  AdwApplicationWindow  parent_instance;

  /* Template widgets */
  AdwViewSwitcherTitle *switcher_title;
  GtkStack             *stack;
  GtkSpinner           *spinner;
  AdwViewStack         *view_stack;
  SbDashboardView      *dashboard_view;
  SbBasesView          *bases_view;
  AdwStatusPage        *error_page;

  GSettings            *settings;   /* NULL when the schema is not installed */
  char                 *database_path;
  GDate                 today;
  GListStore           *bases;
  SbProgramme          *programme;  /* NULL while a worker holds it */
  GCancellable         *cancellable;
  gboolean              busy;
};

G_DEFINE_FINAL_TYPE (SbWindow, sb_window, ADW_TYPE_APPLICATION_WINDOW)

typedef struct
{
  char            *database_path;
  SbProgramme     *programme;   /* reused when already open */
  GDate            today;
  gboolean         fill_demo;
  GPtrArray       *bases;       /* results */
  GArray          *domains;     /* SbReference */
  GArray          *cities;
  GArray          *tags;
  SbDashboardData *dashboard;
} LoadJob;

static void
load_job_free (LoadJob *job)
{
  g_free (job->database_path);
  g_clear_object (&job->programme);
  g_clear_pointer (&job->bases, g_ptr_array_unref);
  g_clear_pointer (&job->domains, g_array_unref);
  g_clear_pointer (&job->cities, g_array_unref);
  g_clear_pointer (&job->tags, g_array_unref);
  g_clear_pointer (&job->dashboard, sb_dashboard_data_free);
  g_free (job);
}

static char *
find_base_name (GPtrArray *bases,
                gint64     id)
{
  for (guint i = 0; i < bases->len; i++)
    {
      SbBase *base = g_ptr_array_index (bases, i);

      if (sb_base_get_id (base) == id)
        return sb_base_dup_name (base);
    }

  return NULL;
}

/* The dashboard's figures, from the bases just read and the history. */
static SbDashboardData *
compute_dashboard (SbProgramme  *programme,
                   GPtrArray    *bases,
                   GArray       *domains,
                   GArray       *cities,
                   const GDate  *today,
                   GError      **error)
{
  g_autoptr(SbDashboardData) data = g_new0 (SbDashboardData, 1);
  SbDatabase *database = sb_programme_get_database (programme);

  data->domains = sb_statistics_summarise_domains (domains, bases);
  data->cities = sb_statistics_summarise_cities (cities, bases);
  data->nearest_names = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < data->domains->len; i++)
    {
      const SbGroupSummary *summary = g_ptr_array_index (data->domains, i);

      g_ptr_array_add (data->nearest_names,
                       summary->has_nearest ? find_base_name (bases, summary->nearest_base_id) : NULL);
    }

  if (!sb_statistics_summarise_programme (sb_programme_get_store (programme), bases, today,
                                          &data->programme, error))
    return NULL;
  sb_statistics_count_pipeline_of_bases (bases, data->pipeline);

  data->standards_years = sb_statistics_standards_by_year (database, error);
  if (data->standards_years == NULL)
    return NULL;
  data->assessment_years = sb_statistics_assessments_by_year (database, error);
  if (data->assessment_years == NULL)
    return NULL;

  return g_steal_pointer (&data);
}

/* Runs in a worker thread: it owns the programme until it returns. */
static void
load_in_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  LoadJob *job = task_data;
  g_autoptr(GError) error = NULL;
  SbBaseStore *store;

  if (job->programme == NULL)
    job->programme = sb_programme_open (job->database_path,
                                        SB_DATABASE_OPEN_FLAGS_CREATE, &error);
  if (job->programme == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  store = sb_programme_get_store (job->programme);

  if (job->fill_demo
      && !sb_demo_fill (store, SB_DEMO_DEFAULT_COUNT, SB_DEMO_DEFAULT_SEED,
                        &job->today, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  job->bases = sb_base_store_list (store, NULL, &job->today, &error);
  if (job->bases == NULL
      || !sb_base_store_read_search_data (store, job->bases, &error)
      || (job->domains = sb_statistics_list_domains (sb_programme_get_database (job->programme), &error)) == NULL
      || (job->cities = sb_statistics_list_cities (sb_programme_get_database (job->programme), &error)) == NULL
      || (job->tags = sb_statistics_list_tags (sb_programme_get_database (job->programme), &error)) == NULL
      || (job->dashboard = compute_dashboard (job->programme, job->bases, job->domains,
                                              job->cities, &job->today, &error)) == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  g_task_return_boolean (task, TRUE);
}

static void
sb_window_update_actions (SbWindow *self)
{
  gboolean loaded = !self->busy && self->programme != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.reload", !self->busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.load-demo", loaded);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.search",
                                 loaded && g_list_model_get_n_items (G_LIST_MODEL (self->bases)) > 0);
}

static void
show_page (SbWindow   *self,
           const char *name)
{
  gtk_spinner_set_spinning (self->spinner, g_strcmp0 (name, "loading") == 0);
  gtk_stack_set_visible_child_name (self->stack, name);
}

static void
load_finished (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  SbWindow *self = SB_WINDOW (object);
  LoadJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  g_autofree char *subtitle = NULL;

  self->busy = FALSE;
  g_clear_object (&self->programme);
  self->programme = g_steal_pointer (&job->programme);

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      adw_status_page_set_description (self->error_page, error->message);
      adw_view_switcher_title_set_subtitle (self->switcher_title, "");
      show_page (self, "error");
      sb_window_update_actions (self);
      return;
    }

  g_list_store_splice (self->bases, 0, g_list_model_get_n_items (G_LIST_MODEL (self->bases)),
                       job->bases->pdata, job->bases->len);
  sb_bases_view_set_today (self->bases_view, &self->today);
  sb_bases_view_set_programme (self->bases_view, self->programme);
  sb_bases_view_set_reference_data (self->bases_view, job->domains, job->cities, job->tags);
  sb_dashboard_view_set_data (self->dashboard_view, job->dashboard);

  if (job->bases->len > 0)
    subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u base", "%u bases", job->bases->len),
                                job->bases->len);
  adw_view_switcher_title_set_subtitle (self->switcher_title, subtitle ? subtitle : "");
  show_page (self, job->bases->len > 0 ? "content" : "empty");
  sb_window_update_actions (self);
}

static void
start_load (SbWindow *self,
            gboolean  fill_demo)
{
  g_autoptr(GTask) task = NULL;
  LoadJob *job;

  if (self->busy)
    return;

  /* The worker has the programme to itself: its connection is not shared
   * between threads, so the base pages wait until it comes back. */
  sb_bases_view_set_programme (self->bases_view, NULL);

  job = g_new0 (LoadJob, 1);
  job->database_path = g_strdup (self->database_path);
  job->programme = g_steal_pointer (&self->programme);
  job->today = self->today;
  job->fill_demo = fill_demo;

  self->busy = TRUE;
  sb_window_update_actions (self);
  show_page (self, "loading");

  task = g_task_new (self, self->cancellable, load_finished, NULL);
  g_task_set_source_tag (task, start_load);
  g_task_set_task_data (task, job, (GDestroyNotify) load_job_free);
  g_task_run_in_thread (task, load_in_thread);
}

static void
domain_activated_cb (SbWindow        *self,
                     const char      *code,
                     SbDashboardView *view)
{
  sb_bases_view_set_domain_filter (self->bases_view, code);
  adw_view_stack_set_visible_child_name (self->view_stack, "bases");
}

static void
reload_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  start_load (SB_WINDOW (widget), FALSE);
}

static void
load_demo_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  start_load (SB_WINDOW (widget), TRUE);
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  SbWindow *self = SB_WINDOW (widget);

  adw_view_stack_set_visible_child_name (self->view_stack, "bases");
  sb_bases_view_focus_search (self->bases_view);
}

static void
open_pdf_response_cb (GtkNativeDialog *dialog,
                      int              response,
                      SbWindow        *self)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
  if (file != NULL)
    path = g_file_get_path (file);
  if (path != NULL)
    {
      SbPdfWindow *window = sb_pdf_window_new (gtk_window_get_application (GTK_WINDOW (self)),
                                               self->database_path, 0, path);

      gtk_window_present (GTK_WINDOW (window));
    }
  g_object_unref (dialog);
}

/* Any PDF from disk, in the PDF view; saving its annotations adds it to
 * the document store. */
static void
open_pdf_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  SbWindow *self = SB_WINDOW (widget);
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) pdf = gtk_file_filter_new ();

  chooser = gtk_file_chooser_native_new (_("Open PDF"), GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_OPEN,
                                         _("_Open"), _("_Cancel"));
  gtk_file_filter_set_name (pdf, _("PDF documents"));
  gtk_file_filter_add_mime_type (pdf, "application/pdf");
  gtk_file_filter_add_suffix (pdf, "pdf");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), pdf);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect_object (chooser, "response", G_CALLBACK (open_pdf_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
section_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  SbWindow *self = SB_WINDOW (widget);

  adw_view_stack_set_visible_child_name (self->view_stack, g_variant_get_string (parameter, NULL));
}

/* Size and section are remembered, when the schema is installed. */
static GSettings *
open_settings (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APPLICATION_ID, TRUE);
  if (schema == NULL)
    {
      g_debug ("The GSettings schema %s is not installed; window state is not kept",
               APPLICATION_ID);
      return NULL;
    }

  return g_settings_new_full (schema, NULL, NULL);
}

static gboolean
sb_window_close_request (GtkWindow *window)
{
  SbWindow *self = SB_WINDOW (window);
  int width, height;

  if (self->settings != NULL)
    {
      gtk_window_get_default_size (window, &width, &height);
      g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (window));
      if (!gtk_window_is_maximized (window))
        {
          g_settings_set_int (self->settings, "window-width", width);
          g_settings_set_int (self->settings, "window-height", height);
        }
    }

  return GTK_WINDOW_CLASS (sb_window_parent_class)->close_request (window);
}

static void
sb_window_dispose (GObject *object)
{
  SbWindow *self = (SbWindow *)object;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->settings);
  g_clear_object (&self->programme);

  gtk_widget_dispose_template (GTK_WIDGET (self), SB_TYPE_WINDOW);

  g_clear_object (&self->bases);

  G_OBJECT_CLASS (sb_window_parent_class)->dispose (object);
}

static void
sb_window_finalize (GObject *object)
{
  SbWindow *self = (SbWindow *)object;

  g_free (self->database_path);

  G_OBJECT_CLASS (sb_window_parent_class)->finalize (object);
}

static void
sb_window_class_init (SbWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);
  static const char *sections[] = { "dashboard", "bases", "timeline", "certificates" };

  object_class->dispose = sb_window_dispose;
  object_class->finalize = sb_window_finalize;
  window_class->close_request = sb_window_close_request;

  g_type_ensure (SB_TYPE_DASHBOARD_VIEW);
  g_type_ensure (SB_TYPE_BASES_VIEW);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/shanxi/StdBase/ui/sb-window.ui");
  gtk_widget_class_bind_template_child (widget_class, SbWindow, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, SbWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, SbWindow, spinner);
  gtk_widget_class_bind_template_child (widget_class, SbWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, SbWindow, dashboard_view);
  gtk_widget_class_bind_template_child (widget_class, SbWindow, bases_view);
  gtk_widget_class_bind_template_child (widget_class, SbWindow, error_page);
  gtk_widget_class_bind_template_callback (widget_class, domain_activated_cb);

  gtk_widget_class_install_action (widget_class, "win.reload", NULL, reload_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_r, GDK_CONTROL_MASK, "win.reload", NULL);
  gtk_widget_class_install_action (widget_class, "win.load-demo", NULL, load_demo_action);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "win.open-pdf", NULL, open_pdf_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK, "win.open-pdf", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "win.search", NULL);
  gtk_widget_class_install_action (widget_class, "win.section", "s", section_action);
  for (guint i = 0; i < G_N_ELEMENTS (sections); i++)
    gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1 + i, GDK_ALT_MASK,
                                         "win.section", "s", sections[i]);
}

static void
sb_window_init (SbWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  self->bases = g_list_store_new (SB_TYPE_BASE);
  sb_bases_view_set_bases (self->bases_view, G_LIST_MODEL (self->bases));

  self->settings = open_settings ();
  if (self->settings != NULL)
    {
      gtk_window_set_default_size (GTK_WINDOW (self),
                                   g_settings_get_int (self->settings, "window-width"),
                                   g_settings_get_int (self->settings, "window-height"));
      if (g_settings_get_boolean (self->settings, "window-maximized"))
        gtk_window_maximize (GTK_WINDOW (self));
      g_settings_bind (self->settings, "last-section", self->view_stack, "visible-child-name",
                       G_SETTINGS_BIND_DEFAULT);
    }
  else
    gtk_window_set_default_size (GTK_WINDOW (self), 1280, 800);
}

/**
 * sb_window_new:
 * @database_path: (nullable): the programme to open, or %NULL for the
 *   default one in the user's data directory
 * @today: (nullable): the date deadlines are judged on, or %NULL or a
 *   cleared date for the real today
 */
SbWindow *
sb_window_new (GtkApplication *application,
               const char     *database_path,
               const GDate    *today)
{
  SbWindow *self;

  g_return_val_if_fail (GTK_IS_APPLICATION (application), NULL);

  self = g_object_new (SB_TYPE_WINDOW, "application", application, NULL);
  self->database_path = database_path ? g_strdup (database_path)
                                      : sb_database_get_default_path ();
  if (today != NULL && g_date_valid (today))
    self->today = *today;
  else
    sb_date_set_today (&self->today);

  start_load (self, FALSE);

  return self;
}

void
sb_window_reload (SbWindow *self)
{
  g_return_if_fail (SB_IS_WINDOW (self));

  start_load (self, FALSE);
}

/**
 * sb_window_get_bases:
 *
 * Returns: (transfer none): every base of the programme, by number
 */
GListModel *
sb_window_get_bases (SbWindow *self)
{
  g_return_val_if_fail (SB_IS_WINDOW (self), NULL);

  return G_LIST_MODEL (self->bases);
}

const char *
sb_window_get_page_name (SbWindow *self)
{
  g_return_val_if_fail (SB_IS_WINDOW (self), NULL);

  return gtk_stack_get_visible_child_name (self->stack);
}

SbDashboardView *
sb_window_get_dashboard (SbWindow *self)
{
  g_return_val_if_fail (SB_IS_WINDOW (self), NULL);

  return self->dashboard_view;
}

SbBasesView *
sb_window_get_bases_view (SbWindow *self)
{
  g_return_val_if_fail (SB_IS_WINDOW (self), NULL);

  return self->bases_view;
}

const char *
sb_window_get_section (SbWindow *self)
{
  g_return_val_if_fail (SB_IS_WINDOW (self), NULL);

  return adw_view_stack_get_visible_child_name (self->view_stack);
}
