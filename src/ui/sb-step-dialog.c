/* sb-step-dialog.c: record one life-cycle step of a base
 *
 * Asks for what the step needs (its date; a reason for returns, refusals
 * and failures; a length for approvals and extensions; a year for annual
 * steps; a rectification deadline; an annual report's figures) and records
 * it as the current profile, in one transaction; an annual assessment's
 * scores also file its notices (Art. 36).
 * The core judges it: a refusal is shown with its article and the dialog
 * keeps what was typed, so nothing is lost.
 */
#define G_LOG_DOMAIN "sb-step-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "sb-date.h"
#include "sb-document-store.h"
#include "sb-midterm.h"
#include "sb-notice.h"
#include "sb-review-panel.h"
#include "sb-standard-designation.h"
#include "sb-step-dialog.h"

#define N_FIGURES (SB_N_STANDARD_LEVELS + 10)

struct _SbStepDialog
{
  AdwWindow            parent_instance;

  /* Template widgets */
  AdwPreferencesGroup *step_group;
  AdwEntryRow         *date_row;
  AdwActionRow        *months_row;
  GtkAdjustment       *months_adjustment;
  AdwActionRow        *year_row;
  GtkAdjustment       *year_adjustment;
  AdwEntryRow         *deadline_row;
  AdwEntryRow         *note_row;
  AdwEntryRow         *adjustment_row;
  AdwPreferencesGroup *figures_group;
  AdwPreferencesGroup *scores_group;
  AdwActionRow        *report_row;
  GtkLabel            *error_label;
  GtkLabel            *actor_label;
  GtkButton           *record_button;

  SbProgramme         *programme;
  gint64               base_id;
  SbAction             action;
  SbProfile           *profile;
  GDate                today;
  GtkSpinButton       *figures[N_FIGURES];   /* annual reports only */
  GtkSpinButton       *scores[3];            /* annual assessments only */
  gint64               report_document;      /* the annual report's PDF, or 0 */
  GtkFileChooserNative *chooser;
};

G_DEFINE_FINAL_TYPE (SbStepDialog, sb_step_dialog, ADW_TYPE_WINDOW)

/* The yearly figures of a self-inspection report, in SbAnnualFigures order
 * after the five levels of standards. */
static const char * const figure_labels[] = {
  N_("Proposals for new standards"),
  N_("Awards applied for"),
  N_("Awards won"),
  N_("Entrusted tasks (Art. 28)"),
  N_("SMEs served"),
  N_("Training sessions"),
  N_("People trained"),
  N_("Public open days (Art. 32)"),
  N_("International roles (Art. 33)"),
  N_("Patents (Art. 34)"),
};

enum {
  RECORDED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static gboolean
action_takes_months (SbAction action)
{
  return action == SB_ACTION_APPROVE
         || action == SB_ACTION_REQUEST_EXTENSION
         || action == SB_ACTION_GRANT_EXTENSION;
}

static gboolean
action_takes_year (SbAction action)
{
  return action == SB_ACTION_SUBMIT_ANNUAL_REPORT
         || action == SB_ACTION_PASS_ASSESSMENT
         || action == SB_ACTION_FAIL_ASSESSMENT;
}

static void
show_error (SbStepDialog *self,
            GtkWidget    *field,
            const char   *message)
{
  gtk_label_set_label (self->error_label, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
  if (field != NULL)
    {
      gtk_widget_add_css_class (field, "error");
      gtk_widget_grab_focus (field);
    }
}

static void
field_changed_cb (SbStepDialog *self,
                  GtkEditable  *editable)
{
  gtk_widget_remove_css_class (GTK_WIDGET (editable), "error");
  show_error (self, NULL, NULL);
}

static gboolean
read_date (SbStepDialog *self,
           AdwEntryRow  *row,
           GDate        *date)
{
  g_autoptr(GError) error = NULL;

  if (sb_date_parse (gtk_editable_get_text (GTK_EDITABLE (row)), date, &error))
    return TRUE;

  show_error (self, GTK_WIDGET (row), error->message);
  return FALSE;
}

static void
read_figures (SbStepDialog    *self,
              SbAnnualFigures *figures)
{
  int *counts[] = {
    &figures->proposals, &figures->awards_applied, &figures->awards_won,
    &figures->entrusted_tasks, &figures->smes_served, &figures->training_sessions,
    &figures->people_trained, &figures->open_days, &figures->international_roles,
    &figures->patents,
  };

  G_STATIC_ASSERT (G_N_ELEMENTS (counts) == G_N_ELEMENTS (figure_labels));

  for (guint level = 0; level < SB_N_STANDARD_LEVELS; level++)
    figures->standards[level] = gtk_spin_button_get_value_as_int (self->figures[level]);
  for (guint i = 0; i < G_N_ELEMENTS (counts); i++)
    *counts[i] = gtk_spin_button_get_value_as_int (self->figures[SB_N_STANDARD_LEVELS + i]);
}

/* The step, and for an annual report its figures, in one transaction. */
static gboolean
record_step (SbStepDialog               *self,
             const SbTransitionRequest  *request,
             GError                    **error)
{
  SbBaseStore *store = sb_programme_get_store (self->programme);
  SbDatabase *database = sb_programme_get_database (self->programme);
  SbAnnualFigures figures = { { 0 } };

  if (!sb_database_begin (database, error))
    return FALSE;

  if (!sb_base_store_perform (store, self->base_id, request, &self->today, error))
    goto failed;
  if (self->action == SB_ACTION_SUBMIT_ANNUAL_REPORT)
    {
      read_figures (self, &figures);
      if (!sb_base_store_set_annual_figures (store, self->base_id, request->year, &figures, error)
          || (self->report_document > 0
              && !sb_base_store_set_annual_report_document (store, self->base_id, request->year,
                                                            self->report_document, error)))
        goto failed;
    }
  if (self->action == SB_ACTION_EVALUATE_MIDTERM)
    {
      g_autofree char *adjustments =
        g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->adjustment_row))));

      /* Art. 19: the base adjusts its plan as the evaluation says. */
      if (*adjustments != '\0'
          && !sb_plan_record_adjustment (database, self->base_id, &request->date, adjustments, error))
        goto failed;
    }
  if (self->action == SB_ACTION_PASS_ASSESSMENT || self->action == SB_ACTION_FAIL_ASSESSMENT)
    {
      g_autoptr(GPtrArray) notices = NULL;

      if (!sb_base_store_set_assessment_scores (store, self->base_id, request->year,
                                                gtk_spin_button_get_value (self->scores[0]),
                                                gtk_spin_button_get_value (self->scores[1]),
                                                gtk_spin_button_get_value (self->scores[2]),
                                                error)
          || (notices = sb_notice_file_assessment (database, self->base_id, request->year,
                                                   &request->date, error)) == NULL)
        goto failed;
    }

  return sb_database_commit (database, error);

failed:
  sb_database_rollback (database);
  return FALSE;
}

static void
report_chosen (GtkNativeDialog *chooser,
               int              response,
               SbStepDialog    *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = file ? g_file_get_path (file) : NULL;
      g_autoptr(GError) error = NULL;

      if (path == NULL || !sb_step_dialog_set_report (self, path, &error))
        show_error (self, NULL, error ? error->message : _("Choose a file on this computer."));
    }

  g_clear_object (&self->chooser);
}

static void
choose_report_clicked_cb (SbStepDialog *self)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  if (self->chooser != NULL)
    return;

  self->chooser = gtk_file_chooser_native_new (_("Choose the Report PDF"), GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_OPEN, _("_Choose"), _("_Cancel"));
  gtk_file_filter_set_name (filter, _("PDF documents"));
  gtk_file_filter_add_mime_type (filter, "application/pdf");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  g_signal_connect (self->chooser, "response", G_CALLBACK (report_chosen), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
record_clicked_cb (SbStepDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *note = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->note_row))));
  SbTransitionRequest request;
  GDate date;

  if (!read_date (self, self->date_row, &date))
    return;

  sb_transition_request_init (&request, self->action, self->profile->role, &date);
  request.actor = self->profile->name;
  request.note = note;
  if (action_takes_months (self->action))
    request.months = (int) gtk_adjustment_get_value (self->months_adjustment);
  if (action_takes_year (self->action))
    request.year = (int) gtk_adjustment_get_value (self->year_adjustment);
  if (self->action == SB_ACTION_FAIL_ASSESSMENT
      && !read_date (self, self->deadline_row, &request.deadline))
    return;

  if (sb_action_needs_reason (self->action) && *note == '\0')
    {
      show_error (self, GTK_WIDGET (self->note_row),
                  _("This step must say why: write the reason or the opinion."));
      return;
    }

  if (!record_step (self, &request, &error))
    {
      show_error (self, NULL, error->message);
      return;
    }

  g_signal_emit (self, signals[RECORDED], 0);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
sb_step_dialog_dispose (GObject *object)
{
  SbStepDialog *self = (SbStepDialog *)object;

  if (self->chooser != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->chooser, self);
      gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
      g_clear_object (&self->chooser);
    }
  gtk_widget_dispose_template (GTK_WIDGET (self), SB_TYPE_STEP_DIALOG);
  g_clear_object (&self->programme);
  g_clear_pointer (&self->profile, sb_profile_free);

  G_OBJECT_CLASS (sb_step_dialog_parent_class)->dispose (object);
}

static void
sb_step_dialog_class_init (SbStepDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sb_step_dialog_dispose;

  /**
   * SbStepDialog::recorded:
   *
   * The step was recorded: what shows the base must read it again.
   */
  signals[RECORDED] = g_signal_new ("recorded", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                    0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/shanxi/StdBase/ui/sb-step-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, SbStepDialog, step_group);
  gtk_widget_class_bind_template_child (widget_class, SbStepDialog, date_row);
  gtk_widget_class_bind_template_child (widget_class, SbStepDialog, months_row);
  gtk_widget_class_bind_template_child (widget_class, SbStepDialog, months_adjustment);
  gtk_widget_class_bind_template_child (widget_class, SbStepDialog, year_row);
  gtk_widget_class_bind_template_child (widget_class, SbStepDialog, year_adjustment);
  gtk_widget_class_bind_template_child (widget_class, SbStepDialog, deadline_row);
  gtk_widget_class_bind_template_child (widget_class, SbStepDialog, note_row);
  gtk_widget_class_bind_template_child (widget_class, SbStepDialog, adjustment_row);
  gtk_widget_class_bind_template_child (widget_class, SbStepDialog, figures_group);
  gtk_widget_class_bind_template_child (widget_class, SbStepDialog, scores_group);
  gtk_widget_class_bind_template_child (widget_class, SbStepDialog, report_row);
  gtk_widget_class_bind_template_callback (widget_class, choose_report_clicked_cb);
  gtk_widget_class_bind_template_child (widget_class, SbStepDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, SbStepDialog, actor_label);
  gtk_widget_class_bind_template_child (widget_class, SbStepDialog, record_button);
  gtk_widget_class_bind_template_callback (widget_class, field_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, record_clicked_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
sb_step_dialog_init (SbStepDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* A number to type, named for screen readers by its row's title. */
static GtkSpinButton *
add_spin_row (AdwPreferencesGroup *group,
              const char          *title,
              const char          *subtitle,
              double               maximum,
              double               step)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *spin = gtk_spin_button_new_with_range (0, maximum, step);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_spin_button_set_digits (GTK_SPIN_BUTTON (spin), step < 1 ? 1 : 0);
  gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (spin), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), spin);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), spin);
  adw_preferences_group_add (group, row);

  return GTK_SPIN_BUTTON (spin);
}

static void
add_figure_rows (SbStepDialog *self)
{
  for (guint level = 0; level < SB_N_STANDARD_LEVELS; level++)
    {
      /* Translators: standards of a level, e.g. "National standards" */
      g_autofree char *title = g_strdup_printf (_("Standards: %s"), sb_standard_level_get_label (level));

      self->figures[level] = add_spin_row (self->figures_group, title, NULL, 100000, 1);
    }
  for (guint i = 0; i < G_N_ELEMENTS (figure_labels); i++)
    self->figures[SB_N_STANDARD_LEVELS + i] =
      add_spin_row (self->figures_group, g_dgettext (GETTEXT_PACKAGE, figure_labels[i]), NULL, 100000, 1);

  gtk_widget_set_visible (GTK_WIDGET (self->figures_group), TRUE);
}

/* The three areas of Art. 36, each scored out of 100 as the assessments
 * table keeps them (the panel's sheets weigh them 40/30/30). */
static void
add_score_rows (SbStepDialog *self)
{
  guint n_criteria;
  const SbCriterion *rubric = sb_panel_kind_get_rubric (SB_PANEL_KIND_ANNUAL, &n_criteria);

  g_assert (n_criteria == G_N_ELEMENTS (self->scores));
  for (guint i = 0; i < n_criteria; i++)
    {
      g_autofree char *range = g_strdup_printf (_("0 to %.0f points"), 100.0);

      self->scores[i] = add_spin_row (self->scores_group, g_dgettext (GETTEXT_PACKAGE, rubric[i].label),
                                      range, 100, 0.5);
    }

  gtk_widget_set_visible (GTK_WIDGET (self->scores_group), TRUE);
}

/**
 * sb_step_dialog_set_report:
 * @path: a PDF on disk
 *
 * The annual report's PDF: checked with Poppler and copied into the
 * document store now, tied to the report when the step is recorded.
 */
gboolean
sb_step_dialog_set_report (SbStepDialog  *self,
                           const char    *path,
                           GError       **error)
{
  g_autofree char *name = NULL;
  gint64 id;

  g_return_val_if_fail (SB_IS_STEP_DIALOG (self), FALSE);

  id = sb_document_store_import (sb_programme_get_database (self->programme), path,
                                 self->base_id, "annual-report", error);
  if (id == 0)
    return FALSE;

  self->report_document = id;
  name = g_filename_display_basename (path);
  adw_action_row_set_subtitle (self->report_row, name);
  show_error (self, NULL, NULL);

  return TRUE;
}

/* For tests: what typing into one of the figures does. */
void
sb_step_dialog_set_figure (SbStepDialog *self,
                           guint         index,
                           int           value)
{
  g_return_if_fail (SB_IS_STEP_DIALOG (self));
  g_return_if_fail (index < N_FIGURES && self->figures[index] != NULL);

  gtk_spin_button_set_value (self->figures[index], value);
}

SbStepDialog *
sb_step_dialog_new (GtkWindow       *parent,
                    SbProgramme     *programme,
                    SbBase          *base,
                    SbAction         action,
                    const SbProfile *profile,
                    const GDate     *today)
{
  g_autofree char *base_name = NULL;
  g_autofree char *date_text = NULL;
  g_autofree char *description = NULL;
  g_autofree char *article_text = NULL;
  g_autofree char *actor_text = NULL;
  SbStepDialog *self;
  SbBaseState to;
  SbRole role;
  int article;

  g_return_val_if_fail (SB_IS_PROGRAMME (programme), NULL);
  g_return_val_if_fail (SB_IS_BASE (base), NULL);
  g_return_val_if_fail (profile != NULL, NULL);
  g_return_val_if_fail (today != NULL && g_date_valid (today), NULL);

  self = g_object_new (SB_TYPE_STEP_DIALOG, "transient-for", parent,
                       "title", sb_action_get_label (action), NULL);
  self->programme = g_object_ref (programme);
  self->base_id = sb_base_get_id (base);
  self->action = action;
  self->profile = sb_profile_copy (profile);
  self->today = *today;

  base_name = sb_base_dup_name (base);
  adw_preferences_group_set_title (self->step_group, base_name);
  if (sb_lifecycle_find_rule (action, sb_base_get_state (base), &to, &role, &article))
    {
      article_text = sb_article_format (article);
      /* Translators: the states before and after a step, who takes it and its article */
      description = g_strdup_printf (_("%s → %s · %s (%s)"),
                                     sb_base_state_get_label (sb_base_get_state (base)),
                                     sb_base_state_get_label (to),
                                     sb_role_get_label (role), article_text);
      adw_preferences_group_set_description (self->step_group, description);
    }

  date_text = sb_date_format (today);
  gtk_editable_set_text (GTK_EDITABLE (self->date_row), date_text);

  if (action_takes_months (action))
    {
      gboolean cycle = action == SB_ACTION_APPROVE;

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->months_row),
                                     cycle ? _("Construction cycle (months)")
                                           : _("Extension (months)"));
      adw_action_row_set_subtitle (self->months_row,
                                   cycle ? _("Usually 36 months (Art. 18)")
                                         : _("At most 6 months (Art. 21)"));
      gtk_adjustment_configure (self->months_adjustment, cycle ? SB_DEFAULT_CYCLE_MONTHS : SB_MAX_EXTENSION_MONTHS,
                                cycle ? 12 : 1, cycle ? 60 : SB_MAX_EXTENSION_MONTHS, 1, 6, 0);
      gtk_widget_set_visible (GTK_WIDGET (self->months_row), TRUE);
    }
  if (action_takes_year (action))
    {
      /* Reports and assessments look back on the year before. */
      gtk_adjustment_set_value (self->year_adjustment, g_date_get_year (today) - 1);
      gtk_widget_set_visible (GTK_WIDGET (self->year_row), TRUE);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->deadline_row), action == SB_ACTION_FAIL_ASSESSMENT);
  gtk_widget_set_visible (GTK_WIDGET (self->adjustment_row), action == SB_ACTION_EVALUATE_MIDTERM);
  if (action == SB_ACTION_SUBMIT_ANNUAL_REPORT)
    add_figure_rows (self);
  if (action == SB_ACTION_PASS_ASSESSMENT || action == SB_ACTION_FAIL_ASSESSMENT)
    add_score_rows (self);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->note_row),
                                 sb_action_needs_reason (action) ? _("Reason (required)")
                                                                 : _("Opinion or note"));

  actor_text = g_strdup_printf (_("Recorded as %s, %s. The audit log keeps who recorded each step."),
                                profile->name, sb_role_get_label (profile->role));
  gtk_label_set_label (self->actor_label, actor_text);

  return self;
}
