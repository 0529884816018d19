/* sb-plan-wizard.c: the construction plan (建设方案) in steps, Art. 16
 *
 * Opened for a base that is preparing.  Above the steps it shows when the
 * plan is due, 30 working days after approval on the statutory calendar,
 * and how many working days are left, in red once overdue: computed by
 * sb-plan-store from the recorded approval, never typed in.  Steps: goals;
 * tasks with an owner, a milestone for each year of the cycle and the
 * expected outputs; team; co-builders; budget by year and source; summary.
 */
#define G_LOG_DOMAIN "sb-plan-wizard"

#include "config.h"

#include <glib/gi18n.h>

#include "sb-base-name.h"
#include "sb-date.h"
#include "sb-draft.h"
#include "sb-plan-form.h"
#include "sb-plan-store.h"
#include "sb-plan-wizard.h"
#include "sb-standard-designation.h"

struct _SbPlanWizard
{
  AdwWindow        parent_instance;

  /* Template widgets */
  AdwToastOverlay *toast_overlay;
  AdwWindowTitle  *window_title;
  SbWizard        *wizard;

  SbProgramme     *programme;
  SbDatabase      *database;
  SbWizardForm    *form;
  GHashTable      *values;
  gint64           base_id;
  gint64           draft_id;
  int              years;
  GDate            today;
  SbPlanDeadline   deadline;
  char            *deadline_text;
  GtkWidget       *pages[SB_N_PLAN_STEPS];
  gboolean         attempted[SB_N_PLAN_STEPS];
  GtkLabel        *total_label;
};

G_DEFINE_FINAL_TYPE (SbPlanWizard, sb_plan_wizard, ADW_TYPE_WINDOW)

enum {
  SIGNAL_SUBMITTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void rebuild_page (SbPlanWizard *self,
                          SbPlanStep    step);

static const char * const step_prefixes[SB_N_PLAN_STEPS][3] = {
  [SB_PLAN_STEP_GOALS] = { "goals", NULL },
  [SB_PLAN_STEP_TASKS] = { "task.", NULL },
  [SB_PLAN_STEP_TEAM] = { "team.", NULL },
  [SB_PLAN_STEP_CO_BUILDERS] = { "cob.", NULL },
  [SB_PLAN_STEP_BUDGET] = { "budget.", NULL },
  [SB_PLAN_STEP_SUMMARY] = { NULL },
};

static SbPlanStep
step_for_key (const char *key)
{
  for (SbPlanStep step = 0; step < SB_PLAN_STEP_SUMMARY; step++)
    for (guint i = 0; step_prefixes[step][i] != NULL; i++)
      if (g_str_has_prefix (key, step_prefixes[step][i]))
        return step;

  return SB_PLAN_STEP_SUMMARY;
}

static SbPlanStep
step_for_list (const char *list)
{
  g_autofree char *prefix = g_strconcat (list, ".", NULL);

  return step_for_key (prefix);
}

static void
toast (SbPlanWizard *self,
       const char   *text)
{
  AdwToast *t = adw_toast_new (text);

  adw_toast_set_timeout (t, 4);
  adw_toast_overlay_add_toast (self->toast_overlay, t);
}

static void
revalidate (SbPlanWizard *self,
            SbPlanStep    step)
{
  g_autoptr(GPtrArray) errors = NULL;

  if (step >= SB_PLAN_STEP_SUMMARY)
    {
      sb_wizard_set_step_state (self->wizard, SB_PLAN_STEP_SUMMARY,
                                sb_plan_form_get_step_state (self->values, self->years, SB_PLAN_STEP_SUMMARY));
      return;
    }

  errors = sb_plan_form_check_step (self->values, self->years, step);
  sb_wizard_form_show_errors (self->form, errors, step_prefixes[step], self->attempted[step]);
  sb_wizard_set_step_state (self->wizard, step, sb_plan_form_get_step_state (self->values, self->years, step));
}

static void
update_total (SbPlanWizard *self)
{
  g_autofree char *text = NULL;

  if (self->total_label == NULL)
    return;

  /* Translators: the plan's total budget, in 10 000 yuan */
  text = g_strdup_printf (_("Total: %.2f × 10 000 yuan"), sb_plan_form_get_total (self->values, self->years));
  gtk_label_set_label (self->total_label, text);
}

static void
form_changed_cb (SbPlanWizard *self,
                 const char   *key)
{
  revalidate (self, step_for_key (key));
  revalidate (self, SB_PLAN_STEP_SUMMARY);
  if (g_str_has_prefix (key, "budget."))
    update_total (self);
}

static void
form_saved_cb (SbPlanWizard *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *time = g_date_time_format (now, "%H:%M:%S");
  g_autofree char *text = g_strdup_printf (_("Draft saved at %s"), time);

  sb_wizard_set_saved_text (self->wizard, text);
  sb_draft_set_title (self->database, self->draft_id, gtk_window_get_title (GTK_WINDOW (self)),
                      sb_wizard_get_current (self->wizard), NULL);
}

static void
form_save_failed_cb (SbPlanWizard *self,
                     const char   *message)
{
  g_autofree char *text = g_strdup_printf (_("The draft could not be saved: %s"), message);

  sb_wizard_set_saved_text (self->wizard, text);
  toast (self, text);
}

/* Lists */

/* An item was added or removed: the page shows the list again, and the
 * new item's first field has the focus. */
static void
items_changed_cb (SbPlanWizard *self,
                  const char   *list,
                  int           added)
{
  g_autofree char *first = NULL;
  GtkWidget *input;

  rebuild_page (self, step_for_list (list));
  if (added < 0)
    return;

  first = g_strdup_printf ("%s.%d.%s", list, added, g_strcmp0 (list, "task") == 0 ? "title" : "name");
  input = sb_wizard_form_get_input (self->form, first);
  if (input != NULL)
    {
      gtk_widget_grab_focus (input);
      sb_wizard_scroll_to (self->wizard, input);
    }
}

/* Pages */

static void
build_goals (SbPlanWizard *self,
             GtkWidget    *page)
{
  gtk_box_append (GTK_BOX (page),
                  sb_wizard_page_intro (_("Art. 16: the plan follows the approval document. State what the base will have achieved by the end of its construction cycle.")));
  gtk_box_append (GTK_BOX (page), sb_wizard_form_text (self->form, "goals", _("_Goals"), NULL));
}

static void
build_tasks (SbPlanWizard *self,
             GtkWidget    *page)
{
  guint count = sb_form_get_count (self->values, "task.count");
  const char *level_labels[SB_N_STANDARD_LEVELS];

  for (guint level = 0; level < SB_N_STANDARD_LEVELS; level++)
    level_labels[level] = sb_standard_level_get_label (level);

  gtk_box_append (GTK_BOX (page),
                  sb_wizard_page_intro (_("Each task has someone responsible, a milestone for each year of the construction cycle, and the outputs it is expected to give.")));

  for (guint i = 0; i < count; i++)
    {
      g_autofree char *title = g_strdup_printf (_("Task %u"), i + 1);
      g_autofree char *title_key = g_strdup_printf ("task.%u.title", i);
      g_autofree char *owner_key = g_strdup_printf ("task.%u.owner", i);
      GtkWidget *row = sb_wizard_page_row ();
      GtkWidget *outputs;

      gtk_box_append (GTK_BOX (page),
                      sb_wizard_form_item_header (self->form, "task", i, title, _("Remove this task")));
      gtk_box_append (GTK_BOX (row), sb_wizard_form_entry (self->form, title_key, _("_Task"), NULL));
      gtk_box_append (GTK_BOX (row), sb_wizard_form_entry (self->form, owner_key, _("_Responsible"), NULL));
      gtk_box_append (GTK_BOX (page), row);

      for (int y = 1; y <= self->years; y++)
        {
          g_autofree char *key = g_strdup_printf ("task.%u.milestone.%d", i, y);
          g_autofree char *label = NULL;
          GDate date;
          char text[SB_DATE_TEXT_SIZE];

          sb_plan_milestone_date (&self->deadline.approved, self->deadline.cycle_months, y, &date);
          sb_date_write (&date, text);
          /* Translators: a yearly milestone of a task; %d is the year of the cycle, %s its last day */
          label = g_strdup_printf (_("Milestone of year %d (by %s)"), y, text);
          gtk_box_append (GTK_BOX (page), sb_wizard_form_entry (self->form, key, label, NULL));
        }

      gtk_box_append (GTK_BOX (page), sb_wizard_page_heading (_("Expected outputs")));
      outputs = sb_wizard_page_row ();
      for (guint level = 0; level < SB_N_STANDARD_LEVELS; level++)
        {
          g_autofree char *key = g_strdup_printf ("task.%u.out.%s", i, sb_plan_output_key (level));

          gtk_box_append (GTK_BOX (outputs), sb_wizard_form_entry (self->form, key, level_labels[level], "0"));
        }
      gtk_box_append (GTK_BOX (page), outputs);
      outputs = sb_wizard_page_row ();
      {
        g_autofree char *services = g_strdup_printf ("task.%u.services", i);
        g_autofree char *training = g_strdup_printf ("task.%u.training", i);

        gtk_box_append (GTK_BOX (outputs), sb_wizard_form_entry (self->form, services, _("SMEs to serve"), "0"));
        gtk_box_append (GTK_BOX (outputs), sb_wizard_form_entry (self->form, training, _("People to train"), "0"));
      }
      gtk_box_append (GTK_BOX (page), outputs);
    }

  gtk_box_append (GTK_BOX (page), sb_wizard_form_error_label (self->form, "task.count"));
  gtk_box_append (GTK_BOX (page), sb_wizard_form_add_button (self->form, "task", _("_Add Task")));
}

static void
build_team (SbPlanWizard *self,
            GtkWidget    *page)
{
  guint count = sb_form_get_count (self->values, "team.count");

  gtk_box_append (GTK_BOX (page), sb_wizard_page_intro (_("The people who build and run the base.")));
  for (guint i = 0; i < count; i++)
    {
      g_autofree char *title = g_strdup_printf (_("Member %u"), i + 1);
      g_autofree char *name = g_strdup_printf ("team.%u.name", i);
      g_autofree char *role = g_strdup_printf ("team.%u.role", i);
      g_autofree char *organisation = g_strdup_printf ("team.%u.organisation", i);
      GtkWidget *row = sb_wizard_page_row ();

      gtk_box_append (GTK_BOX (page),
                      sb_wizard_form_item_header (self->form, "team", i, title, _("Remove this member")));
      gtk_box_append (GTK_BOX (row), sb_wizard_form_entry (self->form, name, _("_Name"), NULL));
      gtk_box_append (GTK_BOX (row), sb_wizard_form_entry (self->form, role, _("_Role in the base"), NULL));
      gtk_box_append (GTK_BOX (row), sb_wizard_form_entry (self->form, organisation, _("_Unit (optional)"), NULL));
      gtk_box_append (GTK_BOX (page), row);
    }
  gtk_box_append (GTK_BOX (page), sb_wizard_form_error_label (self->form, "team.count"));
  gtk_box_append (GTK_BOX (page), sb_wizard_form_add_button (self->form, "team", _("_Add Member")));
}

static void
build_co_builders (SbPlanWizard *self,
                   GtkWidget    *page)
{
  guint count = sb_form_get_count (self->values, "cob.count");

  gtk_box_append (GTK_BOX (page), sb_wizard_page_intro (_("Units that build the base together with the lead unit, if any.")));
  for (guint i = 0; i < count; i++)
    {
      g_autofree char *title = g_strdup_printf (_("Co-builder %u"), i + 1);
      g_autofree char *name = g_strdup_printf ("cob.%u.name", i);
      g_autofree char *code = g_strdup_printf ("cob.%u.code", i);
      GtkWidget *row = sb_wizard_page_row ();

      gtk_box_append (GTK_BOX (page),
                      sb_wizard_form_item_header (self->form, "cob", i, title, _("Remove this co-builder")));
      gtk_box_append (GTK_BOX (row), sb_wizard_form_entry (self->form, name, _("Registered _name"), NULL));
      gtk_box_append (GTK_BOX (row), sb_wizard_form_entry (self->form, code, _("Unified Social _Credit Code"), NULL));
      gtk_box_append (GTK_BOX (page), row);
    }
  if (count == 0)
    gtk_box_append (GTK_BOX (page), sb_wizard_page_intro (_("No co-builders.")));
  gtk_box_append (GTK_BOX (page), sb_wizard_form_add_button (self->form, "cob", _("_Add Co-builder")));
}

static void
build_budget (SbPlanWizard *self,
              GtkWidget    *page)
{
  gtk_box_append (GTK_BOX (page), sb_wizard_page_intro (_("The budget of each year of the cycle by source, in 10 000 yuan (万元).")));

  for (int y = 1; y <= self->years; y++)
    {
      g_autofree char *title = g_strdup_printf (_("Year %d"), y);
      GtkWidget *row = sb_wizard_page_row ();

      gtk_box_append (GTK_BOX (page), sb_wizard_page_heading (title));
      for (guint s = 0; s < SB_PLAN_N_SOURCES; s++)
        {
          g_autofree char *key = g_strdup_printf ("budget.%d.%s", y, sb_plan_source_to_string (s));

          gtk_box_append (GTK_BOX (row), sb_wizard_form_entry (self->form, key, sb_plan_source_get_label (s), "0"));
        }
      gtk_box_append (GTK_BOX (page), row);
    }

  self->total_label = GTK_LABEL (sb_wizard_page_heading (""));
  gtk_box_append (GTK_BOX (page), GTK_WIDGET (self->total_label));
  update_total (self);
}

static void
edit_clicked (GtkButton    *button,
              SbPlanWizard *self)
{
  sb_wizard_go_to (self->wizard, GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "sb-step")));
}

static GtkWidget *
summary_group (SbPlanWizard *self,
               SbPlanStep    step)
{
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *button = gtk_button_new_with_label (_("Edit"));

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), sb_plan_step_get_title (step));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                         sb_step_state_get_label (sb_plan_form_get_step_state (self->values, self->years, step)));
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  g_object_set_data (G_OBJECT (button), "sb-step", GUINT_TO_POINTER (step));
  g_signal_connect (button, "clicked", G_CALLBACK (edit_clicked), self);
  adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (group), button);

  return group;
}

static void submit_clicked (GtkButton *button, SbPlanWizard *self);

static void
build_summary (SbPlanWizard *self,
               GtkWidget    *page)
{
  g_autoptr(GPtrArray) errors = sb_plan_form_check (self->values, self->years);
  GtkWidget *group, *button;
  guint count;

  if (errors->len > 0)
    {
      group = adw_preferences_group_new ();
      adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Still to do before submitting"));
      for (guint i = 0; i < errors->len && i < 12; i++)
        {
          const SbFieldError *error = g_ptr_array_index (errors, i);
          GtkWidget *row = adw_action_row_new ();
          g_autofree char *escaped = g_markup_escape_text (error->message, -1);

          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), escaped);
          adw_action_row_set_subtitle (ADW_ACTION_ROW (row), sb_plan_step_get_title (step_for_key (error->key)));
          adw_action_row_add_prefix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("dialog-error-symbolic"));
          button = gtk_button_new_with_label (_("Edit"));
          gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
          g_object_set_data (G_OBJECT (button), "sb-step", GUINT_TO_POINTER (step_for_key (error->key)));
          g_signal_connect (button, "clicked", G_CALLBACK (edit_clicked), self);
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
          adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
        }
      gtk_box_append (GTK_BOX (page), group);
    }

  group = summary_group (self, SB_PLAN_STEP_GOALS);
  sb_wizard_summary_row (group, _("Goals"), sb_form_get (self->values, "goals"), 6);
  gtk_box_append (GTK_BOX (page), group);

  group = summary_group (self, SB_PLAN_STEP_TASKS);
  count = sb_form_get_count (self->values, "task.count");
  for (guint i = 0; i < count; i++)
    {
      g_autoptr(GString) text = g_string_new (NULL);

      g_string_append_printf (text, _("Responsible: %s"), sb_form_get_indexed (self->values, "task", i, "owner"));
      for (int y = 1; y <= self->years; y++)
        {
          g_autofree char *suffix = g_strdup_printf ("milestone.%d", y);

          g_string_append_c (text, '\n');
          g_string_append_printf (text, _("Year %d: %s"), y, sb_form_get_indexed (self->values, "task", i, suffix));
        }
      sb_wizard_summary_row (group, sb_form_get_indexed (self->values, "task", i, "title"), text->str, 6);
    }
  gtk_box_append (GTK_BOX (page), group);

  group = summary_group (self, SB_PLAN_STEP_TEAM);
  count = sb_form_get_count (self->values, "team.count");
  for (guint i = 0; i < count; i++)
    sb_wizard_summary_row (group, sb_form_get_indexed (self->values, "team", i, "name"),
                 sb_form_get_indexed (self->values, "team", i, "role"), 6);
  gtk_box_append (GTK_BOX (page), group);

  group = summary_group (self, SB_PLAN_STEP_CO_BUILDERS);
  count = sb_form_get_count (self->values, "cob.count");
  for (guint i = 0; i < count; i++)
    sb_wizard_summary_row (group, sb_form_get_indexed (self->values, "cob", i, "name"),
                 sb_form_get_indexed (self->values, "cob", i, "code"), 6);
  if (count == 0)
    sb_wizard_summary_row (group, _("Co-builders"), _("None"), 6);
  gtk_box_append (GTK_BOX (page), group);

  group = summary_group (self, SB_PLAN_STEP_BUDGET);
  for (int y = 1; y <= self->years; y++)
    {
      g_autofree char *title = g_strdup_printf (_("Year %d"), y);
      g_autoptr(GString) text = g_string_new (NULL);

      for (guint s = 0; s < SB_PLAN_N_SOURCES; s++)
        g_string_append_printf (text, "%s%s %.2f", s > 0 ? " · " : "", sb_plan_source_get_label (s),
                                sb_plan_form_get_budget (self->values, y, s));
      sb_wizard_summary_row (group, title, text->str, 6);
    }
  gtk_box_append (GTK_BOX (page), group);

  button = gtk_button_new_with_mnemonic (_("_Submit Plan"));
  gtk_widget_set_name (button, "submit");
  gtk_widget_set_halign (button, GTK_ALIGN_END);
  gtk_widget_add_css_class (button, "suggested-action");
  gtk_widget_set_sensitive (button, errors->len == 0);
  g_signal_connect (button, "clicked", G_CALLBACK (submit_clicked), self);
  gtk_box_append (GTK_BOX (page), button);
}

typedef void (*BuildFunc) (SbPlanWizard *self,
                           GtkWidget    *page);

static const BuildFunc builders[SB_N_PLAN_STEPS] = {
  [SB_PLAN_STEP_GOALS] = build_goals,
  [SB_PLAN_STEP_TASKS] = build_tasks,
  [SB_PLAN_STEP_TEAM] = build_team,
  [SB_PLAN_STEP_CO_BUILDERS] = build_co_builders,
  [SB_PLAN_STEP_BUDGET] = build_budget,
  [SB_PLAN_STEP_SUMMARY] = build_summary,
};

static void
rebuild_page (SbPlanWizard *self,
              SbPlanStep    step)
{
  if (step == SB_PLAN_STEP_BUDGET)
    self->total_label = NULL;
  sb_wizard_page_clear (self->pages[step]);
  builders[step] (self, self->pages[step]);
  revalidate (self, step);
}

static GtkWidget *
deadline_banner (SbPlanWizard *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *label = gtk_label_new (self->deadline_text);

  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 8);
  gtk_widget_set_margin_start (box, 18);
  gtk_widget_set_margin_end (box, 18);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_box_append (GTK_BOX (box), label);
  gtk_widget_set_name (label, "deadline");
  if (self->deadline.overdue)
    {
      gtk_widget_add_css_class (box, "error");
      gtk_widget_add_css_class (label, "heading");
    }

  return box;
}

static char *
format_deadline (const SbPlanDeadline *deadline)
{
  char due[SB_DATE_TEXT_SIZE], approved[SB_DATE_TEXT_SIZE];

  if (deadline->problem != NULL && !g_date_valid (&deadline->due))
    return g_strdup (deadline->problem);

  sb_date_write (&deadline->due, due);
  sb_date_write (&deadline->approved, approved);
  if (deadline->overdue)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "Art. 16: the plan was due on %s, 30 working days after approval on %s; it is %d working day overdue",
                                         "Art. 16: the plan was due on %s, 30 working days after approval on %s; it is %d working days overdue",
                                         -deadline->working_days_left),
                            due, approved, -deadline->working_days_left);

  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "Art. 16: the plan is due on %s, 30 working days after approval on %s; %d working day left",
                                       "Art. 16: the plan is due on %s, 30 working days after approval on %s; %d working days left",
                                       deadline->working_days_left),
                          due, approved, deadline->working_days_left);
}

/* Wizard signals */

static gboolean
leave_step_cb (SbPlanWizard *self,
               guint         step)
{
  g_autoptr(GPtrArray) errors = NULL;
  GtkWidget *first;

  if (step >= SB_PLAN_STEP_SUMMARY)
    return FALSE;

  errors = sb_plan_form_check_step (self->values, self->years, step);
  if (errors->len == 0)
    return FALSE;

  self->attempted[step] = TRUE;
  first = sb_wizard_form_show_errors (self->form, errors, step_prefixes[step], TRUE);
  sb_wizard_set_step_state (self->wizard, step, sb_plan_form_get_step_state (self->values, self->years, step));
  if (first != NULL)
    {
      gtk_widget_grab_focus (first);
      sb_wizard_scroll_to (self->wizard, first);
    }
  toast (self, ((SbFieldError *) g_ptr_array_index (errors, 0))->message);

  return TRUE;
}

static void
step_changed_cb (SbPlanWizard *self,
                 guint         step)
{
  if (step == SB_PLAN_STEP_SUMMARY)
    rebuild_page (self, step);

  sb_draft_set_title (self->database, self->draft_id, gtk_window_get_title (GTK_WINDOW (self)), step, NULL);
}

static void
save_draft_cb (SbPlanWizard *self)
{
  g_autoptr(GError) error = NULL;

  if (!sb_wizard_form_flush (self->form, &error))
    form_save_failed_cb (self, error->message);
  else
    {
      form_saved_cb (self);
      toast (self, _("Draft saved"));
    }
}

static void
submit_clicked (GtkButton    *button,
                SbPlanWizard *self)
{
  g_autoptr(GError) error = NULL;

  if (!sb_plan_wizard_submit (self, &error))
    {
      GtkWidget *message = adw_message_dialog_new (GTK_WINDOW (self), _("The plan was not submitted"), error->message);

      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (message), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (message));
    }
}

static void
close_response (AdwMessageDialog *dialog,
                const char       *response,
                SbPlanWizard     *self)
{
  if (g_strcmp0 (response, "close") == 0)
    gtk_window_destroy (GTK_WINDOW (self));
}

static void
ask_close_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  SbPlanWizard *self = SB_PLAN_WIZARD (widget);
  GtkWidget *dialog;

  sb_wizard_form_flush (self->form, NULL);
  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Close the Construction Plan?"),
                                   _("Everything entered so far is kept as a draft; the plan opens where you left it."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Keep Editing"),
                                    "close", _("_Close"),
                                    NULL);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect (dialog, "response", G_CALLBACK (close_response), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* GObject */

static void
sb_plan_wizard_dispose (GObject *object)
{
  SbPlanWizard *self = SB_PLAN_WIZARD (object);

  if (self->form != NULL)
    {
      sb_wizard_form_detach (self->form);
      g_signal_handlers_disconnect_by_data (self->form, self);
    }
  gtk_widget_dispose_template (GTK_WIDGET (self), SB_TYPE_PLAN_WIZARD);
  g_clear_object (&self->form);
  g_clear_object (&self->programme);

  G_OBJECT_CLASS (sb_plan_wizard_parent_class)->dispose (object);
}

static void
sb_plan_wizard_finalize (GObject *object)
{
  SbPlanWizard *self = SB_PLAN_WIZARD (object);

  g_clear_pointer (&self->values, g_hash_table_unref);
  g_free (self->deadline_text);
  sb_plan_deadline_clear (&self->deadline);

  G_OBJECT_CLASS (sb_plan_wizard_parent_class)->finalize (object);
}

static void
sb_plan_wizard_class_init (SbPlanWizardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sb_plan_wizard_dispose;
  object_class->finalize = sb_plan_wizard_finalize;

  signals[SIGNAL_SUBMITTED] =
    g_signal_new ("submitted", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 0);

  g_type_ensure (SB_TYPE_WIZARD);
  gtk_widget_class_set_template_from_resource (widget_class, "/org/shanxi/StdBase/ui/sb-plan-wizard.ui");
  gtk_widget_class_bind_template_child (widget_class, SbPlanWizard, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, SbPlanWizard, window_title);
  gtk_widget_class_bind_template_child (widget_class, SbPlanWizard, wizard);
  gtk_widget_class_bind_template_callback (widget_class, leave_step_cb);
  gtk_widget_class_bind_template_callback (widget_class, step_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, save_draft_cb);

  gtk_widget_class_install_action (widget_class, "plan.ask-close", NULL, ask_close_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "plan.ask-close", NULL);
}

static void
sb_plan_wizard_init (SbPlanWizard *self)
{
  g_date_clear (&self->today, 1);
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* Public API */

/**
 * sb_plan_wizard_new:
 * @base_id: a base that is preparing
 *
 * Opens the plan's draft for @base_id, or starts one.
 */
SbPlanWizard *
sb_plan_wizard_new (SbProgramme  *programme,
                    gint64        base_id,
                    const GDate  *today,
                    GError      **error)
{
  g_autoptr(SbPlanWizard) self = NULL;
  g_autoptr(GHashTable) values = NULL;
  g_autoptr(SbBase) base = NULL;
  g_autofree char *name = NULL;
  SbDraftInfo info = { 0 };
  gint64 draft_id;

  g_return_val_if_fail (SB_IS_PROGRAMME (programme), NULL);
  g_return_val_if_fail (today != NULL && g_date_valid (today), NULL);

  self = g_object_ref_sink (g_object_new (SB_TYPE_PLAN_WIZARD, NULL));
  self->programme = g_object_ref (programme);
  self->database = sb_programme_get_database (programme);
  self->base_id = base_id;
  self->today = *today;

  base = sb_base_store_load (sb_programme_get_store (programme), base_id, today, error);
  if (base == NULL
      || !sb_plan_get_deadline (sb_programme_get_store (programme), base_id, today, &self->deadline, error))
    return NULL;
  self->years = sb_plan_cycle_years (self->deadline.cycle_months);
  self->deadline_text = format_deadline (&self->deadline);

  name = sb_base_dup_name (base);
  gtk_window_set_title (GTK_WINDOW (self), name);
  adw_window_title_set_subtitle (self->window_title, name);

  draft_id = sb_draft_find_for_base (self->database, SB_DRAFT_KIND_PLAN, base_id);
  if (draft_id == 0)
    draft_id = sb_draft_create (self->database, SB_DRAFT_KIND_PLAN, base_id, error);
  if (draft_id == 0)
    return NULL;
  values = sb_draft_load (self->database, draft_id, &info, error);
  if (values == NULL)
    return NULL;
  self->draft_id = draft_id;
  self->values = g_hash_table_ref (values);
  self->form = sb_wizard_form_new (self->database, draft_id, values);

  sb_wizard_set_banner (self->wizard, deadline_banner (self));
  for (SbPlanStep step = 0; step < SB_N_PLAN_STEPS; step++)
    {
      self->pages[step] = gtk_box_new (GTK_ORIENTATION_VERTICAL, 18);
      builders[step] (self, self->pages[step]);
      sb_wizard_add_step (self->wizard, sb_plan_step_get_title (step), self->pages[step]);
    }
  g_signal_connect_swapped (self->form, "changed", G_CALLBACK (form_changed_cb), self);
  g_signal_connect_swapped (self->form, "saved", G_CALLBACK (form_saved_cb), self);
  g_signal_connect_swapped (self->form, "items-changed", G_CALLBACK (items_changed_cb), self);
  g_signal_connect_swapped (self->form, "save-failed", G_CALLBACK (form_save_failed_cb), self);
  for (SbPlanStep step = 0; step < SB_N_PLAN_STEPS; step++)
    revalidate (self, step);

  if (info.step > 0 && info.step < SB_N_PLAN_STEPS)
    {
      sb_wizard_set_visited_up_to (self->wizard, info.step);
      sb_wizard_go_to (self->wizard, info.step);
    }
  sb_draft_info_clear (&info);

  return g_steal_pointer (&self);
}

SbWizard *
sb_plan_wizard_get_wizard (SbPlanWizard *self)
{
  g_return_val_if_fail (SB_IS_PLAN_WIZARD (self), NULL);

  return self->wizard;
}

SbWizardForm *
sb_plan_wizard_get_form (SbPlanWizard *self)
{
  g_return_val_if_fail (SB_IS_PLAN_WIZARD (self), NULL);

  return self->form;
}

const char *
sb_plan_wizard_get_deadline_text (SbPlanWizard *self)
{
  g_return_val_if_fail (SB_IS_PLAN_WIZARD (self), NULL);

  return self->deadline_text;
}

gboolean
sb_plan_wizard_is_overdue (SbPlanWizard *self)
{
  g_return_val_if_fail (SB_IS_PLAN_WIZARD (self), FALSE);

  return self->deadline.overdue;
}

/**
 * sb_plan_wizard_add_item:
 * @list: "task", "team" or "cob"
 */
void
sb_plan_wizard_add_item (SbPlanWizard *self,
                         const char   *list)
{
  g_return_if_fail (SB_IS_PLAN_WIZARD (self));

  sb_wizard_form_add_item (self->form, list);
}

/**
 * sb_plan_wizard_submit:
 *
 * Submits the plan (Art. 16) on the wizard's today and closes the wizard.
 */
gboolean
sb_plan_wizard_submit (SbPlanWizard  *self,
                       GError       **error)
{
  g_return_val_if_fail (SB_IS_PLAN_WIZARD (self), FALSE);

  if (!sb_wizard_form_flush (self->form, error)
      || !sb_plan_submit (sb_programme_get_store (self->programme), self->base_id, self->values,
                          self->draft_id,
                          sb_database_get_audit_actor (sb_programme_get_database (self->programme)),
                          &self->today, error))
    return FALSE;

  g_signal_handlers_disconnect_by_data (self->form, self);
  g_clear_object (&self->form);
  g_signal_emit (self, signals[SIGNAL_SUBMITTED], 0);
  gtk_window_destroy (GTK_WINDOW (self));

  return TRUE;
}
