/* sb-window.c: the main window
 *
 * Opens the programme and reads its bases off the main thread, then shows
 * them in a sortable column view, or an empty state that offers the demo
 * programme, or an error page that says what went wrong.
 */
#define G_LOG_DOMAIN "sb-window"

#include "config.h"

#include <glib/gi18n.h>

#include "sb-base.h"
#include "sb-date.h"
#include "sb-demo.h"
#include "sb-programme.h"
#include "sb-window.h"

struct _SbWindow
{
  AdwApplicationWindow  parent_instance;

  /* Template widgets */
  AdwWindowTitle       *window_title;
  GtkStack             *stack;
  GtkSpinner           *spinner;
  GtkColumnView        *column_view;
  GtkSortListModel     *sort_model;
  AdwStatusPage        *error_page;

  char                 *database_path;
  GDate                 today;
  GListStore           *bases;
  SbProgramme          *programme;   /* NULL while a worker holds it */
  GCancellable         *cancellable;
  gboolean              busy;
};

G_DEFINE_FINAL_TYPE (SbWindow, sb_window, ADW_TYPE_APPLICATION_WINDOW)

typedef struct
{
  char        *database_path;
  SbProgramme *programme;   /* reused when already open */
  GDate        today;
  gboolean     fill_demo;
  GPtrArray   *bases;       /* result */
} LoadJob;

static void
load_job_free (LoadJob *job)
{
  g_free (job->database_path);
  g_clear_object (&job->programme);
  g_clear_pointer (&job->bases, g_ptr_array_unref);
  g_free (job);
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

  if (job->programme == NULL)
    job->programme = sb_programme_open (job->database_path,
                                        SB_DATABASE_OPEN_FLAGS_CREATE, &error);
  if (job->programme == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  if (job->fill_demo
      && !sb_demo_fill (sb_programme_get_store (job->programme), SB_DEMO_DEFAULT_COUNT,
                        SB_DEMO_DEFAULT_SEED, &job->today, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  job->bases = sb_base_store_list (sb_programme_get_store (job->programme), NULL,
                                   &job->today, &error);
  if (job->bases == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  g_task_return_boolean (task, TRUE);
}

static void
sb_window_update_actions (SbWindow *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.reload", !self->busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.load-demo",
                                 !self->busy && self->programme != NULL);
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
      adw_window_title_set_subtitle (self->window_title, "");
      show_page (self, "error");
      sb_window_update_actions (self);
      return;
    }

  g_list_store_splice (self->bases, 0, g_list_model_get_n_items (G_LIST_MODEL (self->bases)),
                       job->bases->pdata, job->bases->len);

  if (job->bases->len > 0)
    subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u base", "%u bases", job->bases->len),
                                job->bases->len);
  adw_window_title_set_subtitle (self->window_title, subtitle ? subtitle : "");
  show_page (self, job->bases->len > 0 ? "bases" : "empty");
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
sb_window_dispose (GObject *object)
{
  SbWindow *self = (SbWindow *)object;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->bases);
  g_clear_object (&self->programme);

  gtk_widget_dispose_template (GTK_WIDGET (self), SB_TYPE_WINDOW);

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

  object_class->dispose = sb_window_dispose;
  object_class->finalize = sb_window_finalize;

  /* The list item factories in the template look SbBase up by name. */
  g_type_ensure (SB_TYPE_BASE);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/shanxi/StdBase/ui/sb-window.ui");
  gtk_widget_class_bind_template_child (widget_class, SbWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, SbWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, SbWindow, spinner);
  gtk_widget_class_bind_template_child (widget_class, SbWindow, column_view);
  gtk_widget_class_bind_template_child (widget_class, SbWindow, sort_model);
  gtk_widget_class_bind_template_child (widget_class, SbWindow, error_page);

  gtk_widget_class_install_action (widget_class, "win.reload", NULL, reload_action);
  gtk_widget_class_install_action (widget_class, "win.load-demo", NULL, load_demo_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_r, GDK_CONTROL_MASK, "win.reload", NULL);
}

static void
sb_window_init (SbWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  self->bases = g_list_store_new (SB_TYPE_BASE);
  gtk_sort_list_model_set_model (self->sort_model, G_LIST_MODEL (self->bases));
  gtk_sort_list_model_set_sorter (self->sort_model, gtk_column_view_get_sorter (self->column_view));
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
 * Returns: (transfer none): the bases shown, in the order of the view
 */
GListModel *
sb_window_get_bases (SbWindow *self)
{
  g_return_val_if_fail (SB_IS_WINDOW (self), NULL);

  return G_LIST_MODEL (self->sort_model);
}

const char *
sb_window_get_page_name (SbWindow *self)
{
  g_return_val_if_fail (SB_IS_WINDOW (self), NULL);

  return gtk_stack_get_visible_child_name (self->stack);
}
