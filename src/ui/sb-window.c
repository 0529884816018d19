/* sb-window.c: the main window
 *
 * Opens the programme and reads its bases and figures off the main thread,
 * then shows them in four sections: the dashboard, the bases, the timeline
 * and the certificates.  Until then it shows a spinner; a database it cannot
 * open gets an error page that says why, an empty one a way to the demo.
 * The reading starts before the widgets are built (sb-programme-reading.c),
 * and only the dashboard is built with the window: the other sections when
 * first shown.
 */
#define G_LOG_DOMAIN "sb-window"

#include "config.h"

#include <glib/gi18n.h>

#include "sb-application-wizard.h"
#include "sb-base.h"
#include "sb-bases-view.h"
#include "sb-certificates-view.h"
#include "sb-dashboard-view.h"
#include "sb-date.h"
#include "sb-deadline-watch.h"
#include "sb-draft.h"
#include "sb-drafts-dialog.h"
#include "sb-profile-dialog.h"
#include "sb-profile.h"
#include "sb-programme.h"
#include "sb-programme-reading.h"
#include "sb-pdf-window.h"
#include "sb-timeline-marks.h"
#include "sb-timeline-section.h"
#include "sb-window.h"

/* How long a wait goes without a spinner */
#define SPINNER_DELAY_MS 300

/* How often to look whether a new day has begun, for the daily notification */
#define DAY_CHECK_SECONDS 3600

struct _SbWindow
{
  AdwApplicationWindow  parent_instance;

  /* Template widgets */
  AdwToastOverlay      *toast_overlay;
  AdwViewSwitcherTitle *switcher_title;
  GtkStack             *stack;
  GtkSpinner           *spinner;
  AdwViewStack         *view_stack;
  SbDashboardView      *dashboard_view;
  AdwBin               *bases_bin;
  AdwBin               *timeline_bin;
  AdwBin               *certificates_bin;
  AdwStatusPage        *error_page;

  /* The other sections, built when first shown or asked for */
  SbBasesView          *bases_view;
  SbTimelineSection    *timeline_section;
  SbCertificatesView   *certificates_view;

  GSettings            *settings;   /* NULL when the schema is not installed */
  char                 *database_path;
  GDate                 today;
  GListStore           *bases;
  SbProgramme          *programme;  /* NULL while a worker holds it */
  GCancellable         *cancellable;
  gboolean              busy;
  guint                 spinner_id;
  gboolean              page_shown;     /* any page but the spinner's */
  gboolean              timeline_attached;
  gboolean              timeline_stale;   /* its lanes are not computed yet */
  gboolean              drafts_offered;

  /* The deadline watch, and its daily notification */
  GPtrArray            *watch;      /* SbDueItem */
  GArray               *domains;    /* SbReference, for the Bases filters */
  GArray               *cities;
  GArray               *tags;
  gboolean              today_is_real;
  GDate                 checked_on;
  guint                 day_check_id;
  SbProfile            *profile;    /* who acts; NULL until one is chosen */
};

G_DEFINE_FINAL_TYPE (SbWindow, sb_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  WATCH_UPDATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The authority issues certificates and keeps the statutory calendar, whose
 * newer arrangement moves every deadline counted in working days; a window
 * with no profile is not judged. */
static gboolean
acts_as_authority (SbWindow *self)
{
  return self->profile == NULL || self->profile->role == SB_ROLE_AUTHORITY;
}

static void
sb_window_update_actions (SbWindow *self)
{
  gboolean loaded = !self->busy && self->programme != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.reload", !self->busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.load-demo", loaded);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.profiles", loaded);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.import-calendar",
                                 loaded && acts_as_authority (self));
  /* Applications are the applicant units' to make (Art. 11). */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.new-application",
                                 !self->busy && (self->profile == NULL
                                                 || self->profile->role == SB_ROLE_APPLICANT));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.search",
                                 loaded && g_list_model_get_n_items (G_LIST_MODEL (self->bases)) > 0);
}

static gboolean
start_spinner_cb (gpointer user_data)
{
  SbWindow *self = user_data;

  self->spinner_id = 0;
  gtk_spinner_set_spinning (self->spinner, TRUE);

  return G_SOURCE_REMOVE;
}

/* The spinner shows only when the wait is long enough to notice, and the
 * first page the window shows after it comes without a fade: a window that
 * opens on its dashboard should not seem to load it twice. */
static void
show_page (SbWindow   *self,
           const char *name)
{
  gboolean loading = g_strcmp0 (name, "loading") == 0;

  g_clear_handle_id (&self->spinner_id, g_source_remove);
  gtk_spinner_set_spinning (self->spinner, FALSE);
  if (loading)
    self->spinner_id = g_timeout_add (SPINNER_DELAY_MS, start_spinner_cb, self);

  gtk_stack_set_visible_child_full (self->stack, name,
                                    self->page_shown ? GTK_STACK_TRANSITION_TYPE_CROSSFADE
                                                     : GTK_STACK_TRANSITION_TYPE_NONE);
  self->page_shown |= !loading;
}

static void step_recorded_cb (SbWindow *self, gint64 base_id, SbBasePage *page);
static void timeline_base_activated_cb (SbWindow *self, gint64 id, SbTimelineSection *section);

/* What the Bases section shows; the programme only while no worker has it. */
static void
give_bases_view_data (SbWindow *self)
{
  SbProgramme *programme = self->busy ? NULL : self->programme;

  if (self->bases_view == NULL)
    return;

  sb_base_page_set_profile (sb_bases_view_get_base_page (self->bases_view), self->profile);
  sb_bases_view_set_acting_role (self->bases_view, self->profile ? (int) self->profile->role : -1);
  if (g_date_valid (&self->today))
    sb_bases_view_set_today (self->bases_view, &self->today);
  sb_bases_view_set_programme (self->bases_view, programme);
  if (self->domains != NULL)
    sb_bases_view_set_reference_data (self->bases_view, self->domains, self->cities, self->tags);
}

static void
give_certificates_view_data (SbWindow *self)
{
  SbProgramme *programme = self->busy ? NULL : self->programme;

  if (self->certificates_view == NULL)
    return;

  sb_certificates_view_set_may_issue (self->certificates_view, acts_as_authority (self));
  if (g_date_valid (&self->today))
    sb_certificates_view_set_today (self->certificates_view, &self->today);
  sb_certificates_view_set_programme (self->certificates_view, programme);
}

/* The window starts with the dashboard alone: the other sections are
 * built when they are first shown, or asked for. */
static SbBasesView *
ensure_bases_view (SbWindow *self)
{
  if (self->bases_view != NULL)
    return self->bases_view;

  self->bases_view = g_object_new (SB_TYPE_BASES_VIEW, NULL);
  adw_bin_set_child (self->bases_bin, GTK_WIDGET (self->bases_view));
  sb_bases_view_set_bases (self->bases_view, G_LIST_MODEL (self->bases));
  g_signal_connect_object (sb_bases_view_get_base_page (self->bases_view), "step-recorded",
                           G_CALLBACK (step_recorded_cb), self, G_CONNECT_SWAPPED);
  give_bases_view_data (self);

  return self->bases_view;
}

static SbTimelineSection *
ensure_timeline_section (SbWindow *self)
{
  if (self->timeline_section != NULL)
    return self->timeline_section;

  self->timeline_section = g_object_new (SB_TYPE_TIMELINE_SECTION, NULL);
  adw_bin_set_child (self->timeline_bin, GTK_WIDGET (self->timeline_section));
  g_signal_connect_object (self->timeline_section, "base-activated",
                           G_CALLBACK (timeline_base_activated_cb), self, G_CONNECT_SWAPPED);
  sb_timeline_section_set_data (self->timeline_section, NULL, self->watch);

  return self->timeline_section;
}

static SbCertificatesView *
ensure_certificates_view (SbWindow *self)
{
  if (self->certificates_view != NULL)
    return self->certificates_view;

  self->certificates_view = g_object_new (SB_TYPE_CERTIFICATES_VIEW, NULL);
  adw_bin_set_child (self->certificates_bin, GTK_WIDGET (self->certificates_view));
  give_certificates_view_data (self);

  return self->certificates_view;
}

/* The timeline's lanes, from the bases just read, once it is shown (about
 * 20 ms for 10,000 bases): the window starts without them.  @force
 * computes them whichever section shows. */
static void
update_timeline (SbWindow *self,
                 gboolean  force)
{
  g_autoptr(GPtrArray) bases = NULL;
  g_autoptr(SbTimeline) timeline = NULL;
  g_autoptr(GError) error = NULL;
  guint n;

  if (!self->timeline_stale || self->busy || self->programme == NULL)
    return;
  if (!force && g_strcmp0 (adw_view_stack_get_visible_child_name (self->view_stack), "timeline") != 0)
    return;

  n = g_list_model_get_n_items (G_LIST_MODEL (self->bases));
  bases = g_ptr_array_new_full (n, g_object_unref);
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (bases, g_list_model_get_item (G_LIST_MODEL (self->bases), i));

  timeline = sb_timeline_compute (sb_programme_get_store (self->programme), bases, &self->today);
  if (!sb_timeline_add_plan_milestones (timeline, sb_programme_get_database (self->programme),
                                        &self->today, &error))
    {
      g_autofree char *text = g_strdup_printf (_("The construction plans’ milestones could not be read: %s"),
                                               error->message);

      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (text));
    }
  self->timeline_stale = FALSE;
  sb_timeline_section_set_data (ensure_timeline_section (self), timeline, self->watch);
}

/* The timeline follows the Bases list's filters; the list is attached
 * (sorted and filtered) only once one of them is first shown. */
static void
attach_timeline (SbWindow *self)
{
  update_timeline (self, FALSE);

  if (self->timeline_attached
      || g_strcmp0 (adw_view_stack_get_visible_child_name (self->view_stack), "timeline") != 0)
    return;

  self->timeline_attached = TRUE;
  sb_timeline_section_set_bases (ensure_timeline_section (self),
                                 sb_bases_view_get_visible_bases (ensure_bases_view (self)));
}

static gboolean
day_check_cb (gpointer user_data)
{
  SbWindow *self = user_data;
  GDate now;

  sb_date_set_today (&now);
  if (g_date_valid (&self->checked_on) && g_date_compare (&now, &self->checked_on) == 0)
    return G_SOURCE_CONTINUE;

  /* A new day: judge the deadlines on it, then tell */
  self->checked_on = now;
  if (self->today_is_real && !self->busy)
    {
      self->today = now;
      sb_window_reload (self);
    }
  else
    g_signal_emit (self, signals[WATCH_UPDATED], 0);

  return G_SOURCE_CONTINUE;
}

/* Once, when the programme is first shown: unfinished applications are
 * offered to be continued. */
static void
offer_drafts (SbWindow *self)
{
  g_autoptr(GPtrArray) drafts = NULL;
  g_autofree char *text = NULL;
  AdwToast *toast;

  if (self->drafts_offered || self->programme == NULL)
    return;
  self->drafts_offered = TRUE;

  drafts = sb_draft_list (sb_programme_get_database (self->programme), SB_DRAFT_KIND_APPLICATION, 0, NULL);
  if (drafts == NULL || drafts->len == 0)
    return;

  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u application is still a draft",
                                       "%u applications are still drafts", drafts->len),
                          drafts->len);
  toast = adw_toast_new (text);
  adw_toast_set_button_label (toast, _("_Continue…"));
  adw_toast_set_action_name (toast, "win.new-application");
  adw_toast_set_timeout (toast, 10);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
reading_finished (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(SbWindow) self = user_data;
  g_autoptr(SbProgrammeContents) contents = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *subtitle = NULL;

  contents = sb_programme_reading_wait_finish (SB_PROGRAMME_READING (object), result, &error);
  /* The window was closed while the worker read. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self->busy = FALSE;
  g_clear_object (&self->programme);

  if (contents == NULL)
    {
      adw_status_page_set_description (self->error_page, error->message);
      adw_view_switcher_title_set_subtitle (self->switcher_title, "");
      show_page (self, "error");
      sb_window_update_actions (self);
      return;
    }

  self->programme = g_steal_pointer (&contents->programme);
  g_clear_pointer (&self->profile, sb_profile_free);
  self->profile = g_steal_pointer (&contents->profile);
  g_clear_pointer (&self->domains, g_array_unref);
  self->domains = g_steal_pointer (&contents->domains);
  g_clear_pointer (&self->cities, g_array_unref);
  self->cities = g_steal_pointer (&contents->cities);
  g_clear_pointer (&self->tags, g_array_unref);
  self->tags = g_steal_pointer (&contents->tags);
  g_clear_pointer (&self->watch, g_ptr_array_unref);
  self->watch = g_steal_pointer (&contents->watch);

  g_list_store_splice (self->bases, 0, g_list_model_get_n_items (G_LIST_MODEL (self->bases)),
                       contents->bases->pdata, contents->bases->len);
  give_bases_view_data (self);
  sb_dashboard_view_set_data (self->dashboard_view, contents->dashboard);
  self->timeline_stale = TRUE;
  if (self->timeline_section != NULL)
    sb_timeline_section_set_data (self->timeline_section, NULL, self->watch);
  attach_timeline (self);
  give_certificates_view_data (self);

  if (contents->bases->len > 0)
    subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u base", "%u bases", contents->bases->len),
                                contents->bases->len);
  if (self->profile != NULL)
    {
      g_autofree char *bases_text = g_steal_pointer (&subtitle);

      /* Translators: the person acting, their role, and how many bases they see */
      subtitle = g_strdup_printf (_("%s, %s · %s"), self->profile->name,
                                  sb_role_get_label (self->profile->role),
                                  bases_text ? bases_text : _("no bases"));
    }
  adw_view_switcher_title_set_subtitle (self->switcher_title, subtitle ? subtitle : "");
  show_page (self, contents->bases->len > 0 ? "content" : "empty");
  sb_window_update_actions (self);
  sb_date_set_today (&self->checked_on);
  g_signal_emit (self, signals[WATCH_UPDATED], 0);
  offer_drafts (self);
}

/* Shows the spinner until @reading is done, then what it read. */
static void
wait_for_reading (SbWindow           *self,
                  SbProgrammeReading *reading)
{
  self->busy = TRUE;
  sb_window_update_actions (self);
  show_page (self, "loading");
  sb_programme_reading_wait_async (reading, self->cancellable, reading_finished, g_object_ref (self));
}

static void
start_load (SbWindow *self,
            gboolean  fill_demo)
{
  g_autoptr(SbProgrammeReading) reading = NULL;

  if (self->busy)
    return;

  /* The worker has the programme to itself: its connection is not shared
   * between threads, so the sections let go of it before the worker starts
   * and the base pages wait until it comes back. */
  if (self->bases_view != NULL)
    sb_bases_view_set_programme (self->bases_view, NULL);
  if (self->certificates_view != NULL)
    sb_certificates_view_set_programme (self->certificates_view, NULL);

  reading = sb_programme_reading_new (self->database_path, g_steal_pointer (&self->programme),
                                      &self->today, fill_demo);
  wait_for_reading (self, reading);
}

static void
domain_activated_cb (SbWindow        *self,
                     const char      *code,
                     SbDashboardView *view)
{
  sb_bases_view_set_domain_filter (ensure_bases_view (self), code);
  adw_view_stack_set_visible_child_name (self->view_stack, "bases");
}

static void
timeline_base_activated_cb (SbWindow          *self,
                            gint64             id,
                            SbTimelineSection *section)
{
  adw_view_stack_set_visible_child_name (self->view_stack, "bases");
  sb_bases_view_show_base (ensure_bases_view (self), id);
}

static void
section_changed_cb (SbWindow     *self,
                    GParamSpec   *pspec,
                    AdwViewStack *view_stack)
{
  const char *section = adw_view_stack_get_visible_child_name (view_stack);

  /* Still building the template */
  if (self->bases == NULL)
    return;

  if (g_strcmp0 (section, "bases") == 0)
    ensure_bases_view (self);
  else if (g_strcmp0 (section, "certificates") == 0)
    ensure_certificates_view (self);
  attach_timeline (self);
}

static void
show_watch_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  sb_window_show_watch (SB_WINDOW (widget));
}

/* Built when asked for: GtkApplication would build it with every window,
 * a tenth of the time the window takes to start, from gtk/help-overlay.ui. */
static void
show_shortcuts_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  g_autoptr(GtkBuilder) builder = gtk_builder_new_from_resource ("/org/shanxi/StdBase/ui/sb-shortcuts-window.ui");
  GtkWindow *shortcuts = GTK_WINDOW (gtk_builder_get_object (builder, "help_overlay"));

  gtk_window_set_transient_for (shortcuts, GTK_WINDOW (widget));
  gtk_window_present (shortcuts);
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
profile_chosen_cb (SbWindow        *self,
                   gint64           id,
                   SbProfileDialog *dialog)
{
  start_load (self, FALSE);
}

static void
profiles_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  SbWindow *self = SB_WINDOW (widget);
  SbProfileDialog *dialog;

  if (self->busy || self->programme == NULL)
    return;

  dialog = sb_profile_dialog_new (GTK_WINDOW (self), sb_programme_get_database (self->programme),
                                  self->profile ? self->profile->id : 0);
  g_signal_connect_object (dialog, "profile-chosen", G_CALLBACK (profile_chosen_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* A step changes the lists, the figures and the deadlines. */
static void
step_recorded_cb (SbWindow   *self,
                  gint64      base_id,
                  SbBasePage *page)
{
  start_load (self, FALSE);
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  SbWindow *self = SB_WINDOW (widget);

  adw_view_stack_set_visible_child_name (self->view_stack, "bases");
  sb_bases_view_focus_search (ensure_bases_view (self));
}

/* What is done with a file the user chose. */
typedef void (*FileChosenFunc) (SbWindow   *self,
                                const char *path);

static void
file_chooser_response_cb (GtkNativeDialog *dialog,
                          int              response,
                          SbWindow        *self)
{
  FileChosenFunc chosen = g_object_get_data (G_OBJECT (dialog), "sb-chosen");
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
  if (file != NULL)
    path = g_file_get_path (file);
  if (path != NULL)
    chosen (self, path);
  g_object_unref (dialog);
}

/* Asks for one file to open, of the kind @filter lets through. */
static void
choose_file (SbWindow       *self,
             const char     *title,
             const char     *accept_label,
             GtkFileFilter  *filter,
             FileChosenFunc  chosen)
{
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (title, GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_OPEN,
                                         accept_label, _("_Cancel"));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_object_set_data (G_OBJECT (chooser), "sb-chosen", chosen);
  g_signal_connect_object (chooser, "response", G_CALLBACK (file_chooser_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
open_pdf_chosen (SbWindow   *self,
                 const char *path)
{
  SbPdfWindow *window = sb_pdf_window_new (gtk_window_get_application (GTK_WINDOW (self)),
                                           self->database_path, 0, path);

  if (self->profile != NULL)
    sb_pdf_window_set_author (window, self->profile->name, sb_role_to_string (self->profile->role));
  gtk_window_present (GTK_WINDOW (window));
}

/* Any PDF from disk, in the PDF view; saving its annotations adds it to
 * the document store. */
static void
open_pdf_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  g_autoptr(GtkFileFilter) pdf = gtk_file_filter_new ();

  gtk_file_filter_set_name (pdf, _("PDF documents"));
  gtk_file_filter_add_mime_type (pdf, "application/pdf");
  gtk_file_filter_add_suffix (pdf, "pdf");
  choose_file (SB_WINDOW (widget), _("Open PDF"), _("_Open"), pdf, open_pdf_chosen);
}

static void
import_calendar_chosen (SbWindow   *self,
                        const char *path)
{
  g_autoptr(GError) error = NULL;
  GtkWidget *message;

  if (sb_window_import_calendar (self, path, &error))
    return;

  message = adw_message_dialog_new (GTK_WINDOW (self), _("Could Not Import the Calendar"), error->message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (message), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (message));
}

/* A year's arrangement, written in the format of the shipped calendar
 * (data/calendar/cn-statutory-holidays.ini). */
static void
import_calendar_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  g_autoptr(GtkFileFilter) calendars = gtk_file_filter_new ();

  gtk_file_filter_set_name (calendars, _("Calendar files"));
  gtk_file_filter_add_suffix (calendars, "ini");
  choose_file (SB_WINDOW (widget), _("Import the Statutory Calendar"), _("_Import"), calendars,
               import_calendar_chosen);
}

static void
section_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  SbWindow *self = SB_WINDOW (widget);

  adw_view_stack_set_visible_child_name (self->view_stack, g_variant_get_string (parameter, NULL));
}

/* The wizards open the programme on a connection of their own, so that
 * a worker reloading the window's never shares it. */
static SbProgramme *
open_wizard_programme (SbWindow *self)
{
  g_autoptr(GError) error = NULL;
  SbProgramme *programme = sb_programme_open (self->database_path, SB_DATABASE_OPEN_FLAGS_CREATE, &error);

  /* The audit log records the person acting, on this connection too. */
  if (programme != NULL && self->profile != NULL)
    sb_database_set_audit_actor (sb_programme_get_database (programme), self->profile->name,
                                 sb_role_to_string (self->profile->role));
  if (programme == NULL)
    {
      g_autofree char *text = g_strdup_printf (_("The programme could not be opened: %s"), error->message);

      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (text));
    }

  return programme;
}

static void
application_submitted_cb (SbWindow *self,
                          gint64    base_id)
{
  adw_toast_overlay_add_toast (self->toast_overlay,
                               adw_toast_new (_("The application was submitted to the recommender")));
  start_load (self, FALSE);
}

static void
open_application_wizard (SbWindow *self,
                         gint64    draft_id)
{
  g_autoptr(SbProgramme) programme = open_wizard_programme (self);
  g_autoptr(SbApplicationWizard) wizard = NULL;
  g_autoptr(GError) error = NULL;

  if (programme == NULL)
    return;

  wizard = sb_application_wizard_new (programme, draft_id, &self->today, &error);
  if (wizard == NULL)
    {
      g_autofree char *text = g_strdup_printf (_("The application could not be opened: %s"), error->message);

      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (text));
      return;
    }

  gtk_window_set_transient_for (GTK_WINDOW (wizard), GTK_WINDOW (self));
  g_signal_connect_object (wizard, "submitted", G_CALLBACK (application_submitted_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (wizard));
}

static void
draft_chosen_cb (SbWindow *self,
                 gint64    draft_id)
{
  open_application_wizard (self, draft_id);
}

/* Offers to continue each draft before starting another application. */
static void
new_application_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  SbWindow *self = SB_WINDOW (widget);
  g_autoptr(SbProgramme) programme = open_wizard_programme (self);
  g_autoptr(GPtrArray) drafts = NULL;
  SbDraftsDialog *dialog;

  if (programme == NULL)
    return;

  drafts = sb_draft_list (sb_programme_get_database (programme), SB_DRAFT_KIND_APPLICATION, 0, NULL);
  if (drafts == NULL || drafts->len == 0)
    {
      open_application_wizard (self, 0);
      return;
    }

  dialog = sb_drafts_dialog_new (GTK_WINDOW (self), sb_programme_get_database (programme));
  g_signal_connect_object (dialog, "open", G_CALLBACK (draft_chosen_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
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
  g_clear_handle_id (&self->day_check_id, g_source_remove);
  g_clear_handle_id (&self->spinner_id, g_source_remove);
  g_clear_pointer (&self->watch, g_ptr_array_unref);
  g_clear_pointer (&self->profile, sb_profile_free);
  g_clear_pointer (&self->domains, g_array_unref);
  g_clear_pointer (&self->cities, g_array_unref);
  g_clear_pointer (&self->tags, g_array_unref);

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

  /**
   * SbWindow::watch-updated:
   *
   * The deadline watch was read again: after each load, and once a day.
   */
  signals[WATCH_UPDATED] = g_signal_new ("watch-updated", G_TYPE_FROM_CLASS (klass),
                                         G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                         G_TYPE_NONE, 0);

  g_type_ensure (SB_TYPE_DASHBOARD_VIEW);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/shanxi/StdBase/ui/sb-window.ui");
  gtk_widget_class_bind_template_child (widget_class, SbWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, SbWindow, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, SbWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, SbWindow, spinner);
  gtk_widget_class_bind_template_child (widget_class, SbWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, SbWindow, dashboard_view);
  gtk_widget_class_bind_template_child (widget_class, SbWindow, bases_bin);
  gtk_widget_class_bind_template_child (widget_class, SbWindow, timeline_bin);
  gtk_widget_class_bind_template_child (widget_class, SbWindow, certificates_bin);
  gtk_widget_class_bind_template_child (widget_class, SbWindow, error_page);
  gtk_widget_class_bind_template_callback (widget_class, domain_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, section_changed_cb);

  gtk_widget_class_install_action (widget_class, "win.reload", NULL, reload_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_r, GDK_CONTROL_MASK, "win.reload", NULL);
  gtk_widget_class_install_action (widget_class, "win.load-demo", NULL, load_demo_action);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "win.profiles", NULL, profiles_action);
  gtk_widget_class_install_action (widget_class, "win.new-application", NULL, new_application_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "win.new-application", NULL);
  gtk_widget_class_install_action (widget_class, "win.open-pdf", NULL, open_pdf_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK, "win.open-pdf", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "win.search", NULL);
  gtk_widget_class_install_action (widget_class, "win.import-calendar", NULL, import_calendar_action);
  gtk_widget_class_install_action (widget_class, "win.section", "s", section_action);
  gtk_widget_class_install_action (widget_class, "win.show-watch", NULL, show_watch_action);
  gtk_widget_class_install_action (widget_class, "win.show-help-overlay", NULL, show_shortcuts_action);
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
  g_date_clear (&self->checked_on, 1);
  self->day_check_id = g_timeout_add_seconds (DAY_CHECK_SECONDS, day_check_cb, self);

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
  g_autofree char *default_path = NULL;
  g_autoptr(SbProgrammeReading) reading = NULL;

  g_return_val_if_fail (GTK_IS_APPLICATION (application), NULL);

  if (database_path == NULL)
    database_path = default_path = sb_database_get_default_path ();

  /* The database is read while the widgets are built. */
  reading = sb_programme_reading_new (database_path, NULL, today, FALSE);

  return sb_window_new_for_reading (application, reading);
}

/**
 * sb_window_new_for_reading:
 * @reading: a reading of the programme to show, not yet waited for
 *
 * Shows the programme @reading reads, as of the day it judges on.
 */
SbWindow *
sb_window_new_for_reading (GtkApplication     *application,
                           SbProgrammeReading *reading)
{
  SbWindow *self;

  g_return_val_if_fail (GTK_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (SB_IS_PROGRAMME_READING (reading), NULL);

  self = g_object_new (SB_TYPE_WINDOW, "application", application, NULL);
  self->database_path = g_strdup (sb_programme_reading_get_database_path (reading));
  self->today = *sb_programme_reading_get_today (reading);
  self->today_is_real = sb_programme_reading_judges_real_today (reading);
  wait_for_reading (self, reading);

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

/**
 * sb_window_import_calendar:
 * @path: a calendar file in the format of the shipped one
 *
 * Keeps @path's years in the programme's database, as `stdbase-cli
 * calendar import` does, then reads the programme again so that every
 * deadline is computed on them.  Fails while the window is reading.
 */
gboolean
sb_window_import_calendar (SbWindow    *self,
                           const char  *path,
                           GError     **error)
{
  SbCalendar *calendar;
  g_autofree char *text = NULL;

  g_return_val_if_fail (SB_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  /* The file chooser may answer after a reload has begun. */
  if (self->busy || self->programme == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_BUSY,
                           _("The programme is being read; import the calendar once it is shown"));
      return FALSE;
    }

  if (!sb_programme_import_calendar (self->programme, path, error))
    return FALSE;

  calendar = sb_programme_get_calendar (self->programme);
  text = g_strdup_printf (_("The statutory calendar now covers %d–%d"),
                          sb_calendar_get_first_year (calendar), sb_calendar_get_last_year (calendar));
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (text));
  sb_window_reload (self);

  return TRUE;
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

  return ensure_bases_view (self);
}

const char *
sb_window_get_section (SbWindow *self)
{
  g_return_val_if_fail (SB_IS_WINDOW (self), NULL);

  return adw_view_stack_get_visible_child_name (self->view_stack);
}

/**
 * sb_window_get_watch:
 *
 * Returns: (nullable) (transfer none) (element-type SbDueItem): what is
 *   overdue or falls due within %SB_WATCH_MAX_DAYS, as last read
 */
GPtrArray *
sb_window_get_watch (SbWindow *self)
{
  g_return_val_if_fail (SB_IS_WINDOW (self), NULL);

  return self->watch;
}

SbTimelineSection *
sb_window_get_timeline_section (SbWindow *self)
{
  g_return_val_if_fail (SB_IS_WINDOW (self), NULL);

  update_timeline (self, TRUE);
  return ensure_timeline_section (self);
}

/**
 * sb_window_show_watch:
 *
 * Shows the Timeline section and moves the focus to the deadline watch.
 */
void
sb_window_show_watch (SbWindow *self)
{
  g_return_if_fail (SB_IS_WINDOW (self));

  adw_view_stack_set_visible_child_name (self->view_stack, "timeline");
  sb_timeline_section_focus_watch (ensure_timeline_section (self));
}

SbCertificatesView *
sb_window_get_certificates_view (SbWindow *self)
{
  g_return_val_if_fail (SB_IS_WINDOW (self), NULL);

  return ensure_certificates_view (self);
}
