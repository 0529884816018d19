/* sb-base-page.c: everything about one base
 *
 * Names, where the base stands and what may happen next, its deadlines
 * with the articles they come from, its units, history, standards,
 * documents, annual reports and assessments.
 *
 * The page reads the database on the main thread, synchronously: about ten
 * small indexed queries (sb_base_store_load(), its transitions and
 * sb_base_details_load()) take 0.15 ms for a base of the demonstration
 * programme and about 2 ms in a programme of 10 000 bases, while building
 * the rows, which must happen here anyway, takes some 50 ms.  A worker
 * thread would gain little, and SbDatabase must only be used by one thread
 * at a time: while the window's loader owns the programme it sets
 * SbBasePage:programme to %NULL, and the page keeps what it shows until the
 * programme comes back, then reads the base again.
 */
#define G_LOG_DOMAIN "sb-base-page"

#include "config.h"

#include <glib/gi18n.h>

#include "sb-base-details.h"
#include "sb-base-page.h"
#include "sb-date.h"
#include "sb-formal-review-dialog.h"
#include "sb-midterm-wizard.h"
#include "sb-notice-print.h"
#include "sb-notice.h"
#include "sb-panel-dialog.h"
#include "sb-pdf-window.h"
#include "sb-plan-wizard.h"
#include "sb-score-sheet-dialog.h"
#include "sb-spot-check-dialog.h"
#include "sb-step-dialog.h"

struct _SbBasePage
{
  AdwBin               parent_instance;

  /* Template widgets */
  AdwToastOverlay     *toast_overlay;
  GtkStack            *stack;
  GtkSpinner          *spinner;
  AdwStatusPage       *error_page;
  GtkScrolledWindow   *scrolled_window;
  GtkLabel            *name_label;
  GtkLabel            *name_en_label;
  GtkLabel            *summary_label;
  AdwPreferencesGroup *actions_group;
  AdwPreferencesGroup *deadlines_group;
  AdwPreferencesGroup *overview_group;
  GtkLabel            *state_value;
  GtkLabel            *domain_value;
  GtkLabel            *city_value;
  GtkLabel            *tags_value;
  AdwActionRow        *cycle_row;
  GtkLabel            *cycle_value;
  AdwPreferencesGroup *units_group;
  AdwPreferencesGroup *history_group;
  AdwPreferencesGroup *reviews_group;
  AdwPreferencesGroup *application_standards_group;
  AdwPreferencesGroup *produced_standards_group;
  AdwPreferencesGroup *documents_group;
  AdwPreferencesGroup *reports_group;
  AdwPreferencesGroup *assessments_group;
  AdwPreferencesGroup *oversight_group;

  SbProgramme         *programme;
  gint64               base_id;
  GDate                today;
  SbBase              *base;
  SbBaseDetails       *details;
  char                *title;
  gboolean             title_visible;
  GPtrArray           *rows;         /* (element-type GtkWidget) (transfer none): rows added to groups */
  GCancellable        *cancellable;  /* documents being opened */
  SbProfile           *profile;      /* who acts; NULL: nobody may take steps */
  GPtrArray           *panels;       /* SbPanel of the base */
  GPtrArray           *notices;      /* SbNotice of the base */
};

G_DEFINE_FINAL_TYPE (SbBasePage, sb_base_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_PROGRAMME,
  PROP_BASE_ID,
  PROP_TITLE,
  PROP_TITLE_VISIBLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  STEP_RECORDED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Helpers: rows */

static void
clear_rows (SbBasePage *self)
{
  for (guint i = 0; i < self->rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->rows, i);
      GtkWidget *group = gtk_widget_get_ancestor (row, ADW_TYPE_PREFERENCES_GROUP);

      if (group != NULL)
        adw_preferences_group_remove (ADW_PREFERENCES_GROUP (group), row);
    }
  g_ptr_array_set_size (self->rows, 0);
}

/* Plain text everywhere: names may hold “&” or “<”. */
static AdwActionRow *
new_row (const char *title,
         const char *subtitle)
{
  AdwActionRow *row = ADW_ACTION_ROW (adw_action_row_new ());

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title ? title : "");
  if (subtitle != NULL && *subtitle != '\0')
    adw_action_row_set_subtitle (row, subtitle);

  return row;
}

static AdwActionRow *
add_row (SbBasePage          *self,
         AdwPreferencesGroup *group,
         const char          *title,
         const char          *subtitle)
{
  AdwActionRow *row = new_row (title, subtitle);

  adw_preferences_group_add (group, GTK_WIDGET (row));
  g_ptr_array_add (self->rows, row);

  return row;
}

static AdwExpanderRow *
add_expander_row (SbBasePage          *self,
                  AdwPreferencesGroup *group,
                  const char          *title,
                  const char          *subtitle)
{
  AdwExpanderRow *row = ADW_EXPANDER_ROW (adw_expander_row_new ());

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL && *subtitle != '\0')
    adw_expander_row_set_subtitle (row, subtitle);
  adw_preferences_group_add (group, GTK_WIDGET (row));
  g_ptr_array_add (self->rows, row);

  return row;
}

/* A row under an expander: a name, and its value on the right. */
static void
add_value_row (AdwExpanderRow *expander,
               const char     *title,
               const char     *value)
{
  AdwActionRow *row = new_row (title, NULL);
  GtkWidget *label = gtk_label_new (value);

  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 1);
  adw_action_row_add_suffix (row, label);
  adw_expander_row_add_row (expander, GTK_WIDGET (row));
}

static void
add_count_row (AdwExpanderRow *expander,
               const char     *title,
               int             value)
{
  g_autofree char *text = g_strdup_printf ("%d", value);

  add_value_row (expander, title, text);
}

static void
add_placeholder (SbBasePage          *self,
                 AdwPreferencesGroup *group,
                 const char          *text)
{
  AdwActionRow *row = add_row (self, group, text, NULL);

  gtk_widget_add_css_class (GTK_WIDGET (row), "dim-label");
}

/* An icon and a text together, so that no state is told by colour only. */
static GtkWidget *
new_status (const char *icon_name,
            const char *text,
            const char *css_class)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *label = gtk_label_new (text);

  gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
  if (icon_name != NULL)
    {
      GtkWidget *image = gtk_image_new_from_icon_name (icon_name);

      gtk_accessible_update_property (GTK_ACCESSIBLE (image),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, text, -1);
      gtk_box_append (GTK_BOX (box), image);
    }
  gtk_box_append (GTK_BOX (box), label);
  if (css_class != NULL)
    gtk_widget_add_css_class (box, css_class);

  return box;
}

/* Helpers: text */

static char *
format_date (const GDate *date)
{
  char *text = date != NULL && g_date_valid (date) ? sb_date_format (date) : NULL;

  return text != NULL ? text : g_strdup ("");
}

static char *
dup_days_text (int days)
{
  if (days == 0)
    return g_strdup (_("Due today"));
  if (days > 0)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d day left", "%d days left", days), days);

  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d day overdue", "%d days overdue", -days), -days);
}

static const char *
organisation_kind_label (const char *kind)
{
  if (g_strcmp0 (kind, "enterprise") == 0)
    return _("Enterprise");
  if (g_strcmp0 (kind, "institution") == 0)
    return _("Institution");
  if (g_strcmp0 (kind, "industry_department") == 0)
    return _("Provincial industry department");
  if (g_strcmp0 (kind, "city_authority") == 0)
    return _("City or zone standardisation authority");
  if (g_strcmp0 (kind, "authority") == 0)
    return _("Provincial standardisation authority");

  return _("Other organisation");
}

/* Joins the non-empty parts with “ · ”. */
static char *
join_parts (const char *first,
            ...) G_GNUC_NULL_TERMINATED;

static char *
join_parts (const char *first,
            ...)
{
  GString *text = g_string_new (NULL);
  const char *part = first;
  va_list args;

  va_start (args, first);
  for (; part != NULL; part = va_arg (args, const char *))
    {
      if (*part == '\0')
        continue;
      if (text->len > 0)
        g_string_append (text, " · ");
      g_string_append (text, part);
    }
  va_end (args);

  return g_string_free (text, FALSE);
}

/* Helpers: sections */

/* One activatable row per step the current profile's role may take, with
 * the article; the core checks the rest when the step is recorded. */
static void
show_actions (SbBasePage *self)
{
  g_autoptr(GArray) actions = sb_lifecycle_list_actions (sb_base_get_state (self->base));
  guint offered = 0;
  guint others = 0;

  for (guint i = 0; i < actions->len; i++)
    {
      SbAction action = g_array_index (actions, SbAction, i);
      g_autofree char *subtitle = NULL;
      AdwActionRow *row;
      SbRole role;
      int article;

      if (!sb_lifecycle_find_rule (action, sb_base_get_state (self->base), NULL, &role, &article))
        continue;
      if (self->profile == NULL || self->profile->role != role)
        {
          others++;
          continue;
        }

      {
        g_autofree char *article_text = sb_article_format (article);

        subtitle = join_parts (sb_role_get_label (role), article_text, NULL);
      }

      /* The target first: a name without it would not match the action. */
      row = add_row (self, self->actions_group, sb_action_get_label (action), subtitle);
      adw_action_row_add_suffix (row, gtk_image_new_from_icon_name ("go-next-symbolic"));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "i", (gint32) action);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "base.take-step");
      offered++;
    }

  if (offered > 0)
    return;

  if (others == 0)
    add_placeholder (self, self->actions_group,
                     _("The regulation allows no further steps for a base in this state"));
  else if (self->profile == NULL)
    add_placeholder (self, self->actions_group,
                     _("Choose a profile in the main menu to take the next steps"));
  else
    add_placeholder (self, self->actions_group,
                     _("The next steps are taken by others; your role has nothing to do here now"));
}

static void
add_deadline_row (SbBasePage          *self,
                  AdwPreferencesGroup *group,
                  AdwExpanderRow      *expander,
                  const SbDeadline    *deadline)
{
  g_autofree char *article = sb_article_format (sb_deadline_kind_get_article (deadline->kind));
  g_autofree char *title = NULL;
  g_autofree char *when = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *days = NULL;
  const char *status_text = sb_deadline_status_get_label (deadline->status);
  const char *icon = NULL;
  const char *css_class = NULL;
  AdwActionRow *row;

  if (deadline->year > 0)
    /* Translators: a yearly deadline and its year, e.g. "Annual report 2025" */
    title = g_strdup_printf (C_("deadline", "%s %d"), sb_deadline_kind_get_label (deadline->kind),
                             deadline->year);
  else
    title = g_strdup (sb_deadline_kind_get_label (deadline->kind));

  if (deadline->status == SB_DEADLINE_STATUS_UNKNOWN)
    when = g_strdup (deadline->problem ? deadline->problem : "");
  else if (g_date_valid (&deadline->opens))
    {
      g_autofree char *opens = format_date (&deadline->opens);
      g_autofree char *closes = format_date (&deadline->date);

      /* Translators: a window of dates, e.g. "2026-03-01 to 2026-06-01" */
      when = g_strdup_printf (_("%s to %s"), opens, closes);
    }
  else
    {
      when = format_date (&deadline->date);
    }
  subtitle = join_parts (article, when, NULL);

  switch (deadline->status)
    {
    case SB_DEADLINE_STATUS_OVERDUE:
      icon = "milestone-overdue-symbolic";
      css_class = "error";
      status_text = days = dup_days_text (deadline->days_left);
      break;
    case SB_DEADLINE_STATUS_DUE_SOON:
      icon = "milestone-due-soon-symbolic";
      css_class = "warning";
      status_text = days = dup_days_text (deadline->days_left);
      break;
    case SB_DEADLINE_STATUS_UPCOMING:
      icon = "milestone-upcoming-symbolic";
      status_text = days = dup_days_text (deadline->days_left);
      break;
    case SB_DEADLINE_STATUS_UNKNOWN:
      icon = "dialog-question-symbolic";
      css_class = "warning";
      break;
    case SB_DEADLINE_STATUS_MET:
      icon = "milestone-met-symbolic";
      css_class = "success";
      if (g_date_valid (&deadline->met))
        {
          g_autofree char *met = format_date (&deadline->met);

          /* Translators: a deadline met on a date */
          status_text = days = g_strdup_printf (_("Met on %s"), met);
        }
      break;
    case SB_DEADLINE_STATUS_LAPSED:
    default:
      css_class = "dim-label";
      break;
    }

  if (expander != NULL)
    {
      row = new_row (title, subtitle);
      adw_expander_row_add_row (expander, GTK_WIDGET (row));
    }
  else
    {
      row = add_row (self, group, title, subtitle);
    }
  adw_action_row_add_suffix (row, new_status (icon, status_text, css_class));
}

/* Pending first, soonest first, those that cannot be computed on top;
 * met and lapsed ones folded away below. */
static int
compare_pending (gconstpointer a,
                 gconstpointer b)
{
  const SbDeadline *x = *(const SbDeadline * const *) a;
  const SbDeadline *y = *(const SbDeadline * const *) b;
  gboolean x_valid = g_date_valid (&x->date);
  gboolean y_valid = g_date_valid (&y->date);

  if (x_valid != y_valid)
    return x_valid ? 1 : -1;
  if (!x_valid)
    return 0;

  return g_date_compare (&x->date, &y->date);
}

static void
show_deadlines (SbBasePage *self,
                GArray     *deadlines)
{
  g_autoptr(GPtrArray) pending = g_ptr_array_new ();
  g_autoptr(GPtrArray) past = g_ptr_array_new ();

  for (guint i = 0; i < deadlines->len; i++)
    {
      SbDeadline *deadline = &g_array_index (deadlines, SbDeadline, i);

      g_ptr_array_add (sb_deadline_is_pending (deadline) ? pending : past, deadline);
    }
  g_ptr_array_sort (pending, compare_pending);

  for (guint i = 0; i < pending->len; i++)
    add_deadline_row (self, self->deadlines_group, NULL, g_ptr_array_index (pending, i));

  if (past->len > 0)
    {
      g_autofree char *subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                                "%u deadline met or no longer applying",
                                                                "%u deadlines met or no longer applying",
                                                                past->len),
                                                   past->len);
      AdwExpanderRow *expander = add_expander_row (self, self->deadlines_group,
                                                   _("Earlier Deadlines"), subtitle);

      for (guint i = 0; i < past->len; i++)
        add_deadline_row (self, NULL, expander, g_ptr_array_index (past, i));
    }

  if (deadlines->len == 0)
    add_placeholder (self, self->deadlines_group,
                     _("No deadlines yet: they start when preparation is approved (Art. 16)"));
}

static void
show_overview (SbBasePage *self)
{
  const SbBaseFacts *facts = sb_base_get_facts (self->base);
  GDate end;

  gtk_label_set_text (self->state_value, sb_base_state_get_label (sb_base_get_state (self->base)));
  gtk_label_set_text (self->domain_value, sb_base_get_domain_name (self->base)
                                          ? sb_base_get_domain_name (self->base) : _("Not chosen yet"));
  gtk_label_set_text (self->city_value, sb_base_get_city_name (self->base)
                                        ? sb_base_get_city_name (self->base) : "");

  if (self->details->tag_names[0] != NULL)
    {
      /* Translators: the separator between six-new tags, 、 in Chinese */
      g_autofree char *tags = g_strjoinv (_(", "), self->details->tag_names);

      gtk_label_set_text (self->tags_value, tags);
    }
  else
    {
      gtk_label_set_text (self->tags_value, _("None"));
    }

  if (g_date_valid (&facts->approved) && sb_base_facts_get_cycle_end (facts, &end))
    {
      g_autofree char *approved = format_date (&facts->approved);
      g_autofree char *ends = format_date (&end);
      g_autofree char *text = NULL;

      /* Translators: approval date, cycle end, and the cycle's length */
      text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "%s to %s (%d month)",
                                           "%s to %s (%d months)",
                                           facts->cycle_months),
                              approved, ends, facts->cycle_months);
      gtk_label_set_text (self->cycle_value, text);
      gtk_widget_set_visible (GTK_WIDGET (self->cycle_row), TRUE);
    }
  else
    {
      gtk_widget_set_visible (GTK_WIDGET (self->cycle_row), FALSE);
    }
}

static void
show_units (SbBasePage *self)
{
  GPtrArray *units = self->details->units;

  for (guint i = 0; i < units->len; i++)
    {
      SbBaseUnit *unit = g_ptr_array_index (units, i);
      g_autofree char *code = NULL;
      g_autofree char *subtitle = NULL;
      g_autofree char *contact = NULL;
      g_autofree char *kind = NULL;
      AdwExpanderRow *row;

      if (unit->credit_code != NULL)
        /* Translators: a unit's Unified Social Credit Code */
        code = g_strdup_printf (_("Credit code %s"), unit->credit_code);
      subtitle = join_parts (sb_unit_role_get_label (unit->role), code ? code : "", NULL);
      row = add_expander_row (self, self->units_group, unit->name, subtitle);

      if (unit->credit_code != NULL)
        {
          GtkWidget *copy = gtk_button_new_from_icon_name ("edit-copy-symbolic");

          gtk_widget_set_valign (copy, GTK_ALIGN_CENTER);
          gtk_widget_set_tooltip_text (copy, _("Copy Credit Code"));
          gtk_accessible_update_property (GTK_ACCESSIBLE (copy),
                                          GTK_ACCESSIBLE_PROPERTY_LABEL, _("Copy Credit Code"),
                                          -1);
          gtk_widget_add_css_class (copy, "flat");
          gtk_actionable_set_action_target (GTK_ACTIONABLE (copy), "s", unit->credit_code);
          gtk_actionable_set_action_name (GTK_ACTIONABLE (copy), "base.copy-text");
          adw_expander_row_add_action (row, copy);
        }

      if (unit->legal_person && unit->role != SB_UNIT_ROLE_RECOMMENDER)
        kind = join_parts (organisation_kind_label (unit->kind), _("Legal person"), NULL);
      else
        kind = g_strdup (organisation_kind_label (unit->kind));
      add_value_row (row, _("Kind"), kind);
      if (unit->address != NULL)
        add_value_row (row, _("Address"), unit->address);
      contact = join_parts (unit->contact_name ? unit->contact_name : "",
                            unit->contact_phone ? unit->contact_phone : "",
                            unit->contact_email ? unit->contact_email : "",
                            NULL);
      if (*contact != '\0')
        add_value_row (row, _("Contact"), contact);
    }

  if (units->len == 0)
    add_placeholder (self, self->units_group, _("No units recorded yet"));
}

static void
show_history (SbBasePage *self,
              GPtrArray  *history)
{
  /* Newest first: what happened last matters most. */
  for (guint i = history->len; i-- > 0;)
    {
      SbTransitionRecord *record = g_ptr_array_index (history, i);
      g_autofree char *who = NULL;
      g_autofree char *subtitle = NULL;
      SbAction action;
      SbRole role;

      who = join_parts (record->date ? record->date : "",
                        sb_role_from_string (record->role, &role) ? sb_role_get_label (role)
                                                                  : record->role ? record->role : "",
                        record->actor ? record->actor : "",
                        NULL);
      if (record->note != NULL && *record->note != '\0')
        subtitle = g_strconcat (who, "\n", record->note, NULL);
      else
        subtitle = g_strdup (who);

      add_row (self, self->history_group,
               sb_action_from_string (record->action, &action) ? sb_action_get_label (action)
                                                               : record->action,
               subtitle);
    }

  if (history->len == 0)
    add_placeholder (self, self->history_group, _("No steps recorded yet"));
}

/* The review a panel formed now would hold, for a base in @state. */
static gboolean
panel_kind_for_state (SbBaseState  state,
                      SbPanelKind *kind)
{
  static const struct { SbBaseState state; SbPanelKind kind; } reviews[] = {
    { SB_BASE_STATE_FORMALLY_REVIEWED, SB_PANEL_KIND_EXPERT },
    { SB_BASE_STATE_CONSTRUCTING, SB_PANEL_KIND_MIDTERM },
    { SB_BASE_STATE_ACCEPTANCE_REQUESTED, SB_PANEL_KIND_ACCEPTANCE },
    { SB_BASE_STATE_ESTABLISHED, SB_PANEL_KIND_ANNUAL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (reviews); i++)
    if (reviews[i].state == state)
      {
        *kind = reviews[i].kind;
        return TRUE;
      }

  return FALSE;
}

/* Whether the authority may form a panel of @kind now: one per review,
 * and one annual assessment a year. */
static gboolean
can_form_panel (SbBasePage  *self,
                SbPanelKind *kind)
{
  if (self->profile == NULL || self->profile->role != SB_ROLE_AUTHORITY
      || !panel_kind_for_state (sb_base_get_state (self->base), kind))
    return FALSE;

  for (guint i = 0; i < self->panels->len; i++)
    {
      const SbPanel *panel = g_ptr_array_index (self->panels, i);

      if (panel->kind == *kind
          && (*kind != SB_PANEL_KIND_ANNUAL
              || g_date_get_year (&panel->formed) == g_date_get_year (&self->today)))
        return FALSE;
    }

  return TRUE;
}

static void
show_reviews (SbBasePage *self)
{
  g_autoptr(GError) error = NULL;
  SbPanelKind kind;

  g_clear_pointer (&self->panels, g_ptr_array_unref);
  self->panels = sb_panel_list_for_base (sb_programme_get_database (self->programme),
                                         self->base_id, &error);
  if (self->panels == NULL)
    {
      add_placeholder (self, self->reviews_group, error->message);
      self->panels = g_ptr_array_new ();
      return;
    }

  for (guint i = 0; i < self->panels->len; i++)
    {
      const SbPanel *panel = g_ptr_array_index (self->panels, i);
      g_autofree double *totals = g_new0 (double, panel->sheets->len + 1);
      g_autofree char *article = sb_article_format (sb_panel_kind_get_article (panel->kind));
      g_autofree char *title = g_strdup_printf (C_("review and its article", "%s (%s)"),
                                                sb_panel_kind_get_label (panel->kind), article);
      g_autofree char *formed = sb_date_format (&panel->formed);
      g_autofree char *subtitle = NULL;
      AdwExpanderRow *expander;
      SbPanelScores scores;
      guint n_totals = 0;

      for (guint j = 0; j < panel->sheets->len; j++)
        {
          const SbPanelSheet *sheet = g_ptr_array_index (panel->sheets, j);

          if (sheet->submitted)
            totals[n_totals++] = sheet->total;
        }
      sb_panel_scores_compute (totals, n_totals, panel->sheets->len, &scores);
      if (scores.n_sheets > 0)
        /* Translators: formed date, sheets handed in, members, mean score, spread */
        subtitle = g_strdup_printf (_("Formed %s · %u of %u sheets · mean %.1f, spread %.1f"),
                                    formed, scores.n_sheets, scores.n_members,
                                    scores.mean, scores.spread);
      else
        subtitle = g_strdup_printf (_("Formed %s · no sheets yet"), formed);
      expander = add_expander_row (self, self->reviews_group, title, subtitle);

      for (guint j = 0; j < panel->sheets->len; j++)
        {
          const SbPanelSheet *sheet = g_ptr_array_index (panel->sheets, j);
          gboolean mine = self->profile != NULL && self->profile->role == SB_ROLE_EXPERT
                          && g_strcmp0 (self->profile->name, sheet->expert_name) == 0;
          g_autofree char *line = NULL;
          AdwActionRow *row;

          if (sheet->submitted)
            /* Translators: an expert's total and opinion */
            line = g_strdup_printf (_("%.1f points · %s"), sheet->total, sheet->opinion ? sheet->opinion : "");
          else
            line = g_strdup (mine ? _("Your score sheet is due: fill it in")
                                  : _("Score sheet not handed in yet"));
          row = new_row (sheet->expert_name, line);
          if (mine && !sheet->submitted)
            {
              adw_action_row_add_suffix (row, gtk_image_new_from_icon_name ("go-next-symbolic"));
              gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
              gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "(xx)", panel->id, sheet->expert_id);
              gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "base.score-sheet");
              adw_expander_row_set_expanded (expander, TRUE);
            }
          adw_expander_row_add_row (expander, GTK_WIDGET (row));
        }
    }

  if (can_form_panel (self, &kind))
    {
      g_autofree char *title = g_strdup_printf (_("Form a panel: %s"), sb_panel_kind_get_label (kind));
      AdwActionRow *row = add_row (self, self->reviews_group, title,
                                   _("Choose the experts from the pool"));

      adw_action_row_add_suffix (row, gtk_image_new_from_icon_name ("go-next-symbolic"));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "i", (gint32) kind);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "base.form-panel");
    }
  else if (self->panels->len == 0)
    add_placeholder (self, self->reviews_group, _("No review panel has been formed for this base"));
}

static GtkWidget *
new_icon_button (const char *icon_name,
                 const char *tooltip,
                 const char *action_name,
                 GVariant   *target)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon_name);

  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button), target);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action_name);

  return button;
}

/* Art. 37 supervises a base from its approval until it is closed. */
static gboolean
can_record_spot_check (SbBasePage *self)
{
  SbPhase phase = sb_base_state_get_phase (sb_base_get_state (self->base));

  return self->profile != NULL && self->profile->role == SB_ROLE_AUTHORITY
         && phase != SB_PHASE_APPLYING && phase != SB_PHASE_REVOKED;
}

static void
show_oversight (SbBasePage *self)
{
  SbDatabase *database = sb_programme_get_database (self->programme);
  g_autoptr(GPtrArray) checks = NULL;
  g_autoptr(GError) error = NULL;
  gboolean any = FALSE;

  g_clear_pointer (&self->notices, g_ptr_array_unref);
  self->notices = sb_notice_list_for_base (database, self->base_id, &error);
  if (self->notices == NULL)
    {
      add_placeholder (self, self->oversight_group, error->message);
      self->notices = g_ptr_array_new ();
      return;
    }

  for (guint i = 0; i < self->notices->len; i++)
    {
      const SbNotice *notice = g_ptr_array_index (self->notices, i);
      g_autofree char *date = sb_date_format (&notice->issued);
      /* Translators: who a notice went to, and when */
      g_autofree char *subtitle = g_strdup_printf (_("To %s · %s"), notice->recipient, date);
      AdwActionRow *row = add_row (self, self->oversight_group, notice->title, subtitle);

      adw_action_row_add_suffix (row, new_icon_button ("document-save-symbolic", _("Save as PDF"),
                                                       "base.save-notice",
                                                       g_variant_new_int64 (notice->id)));
      adw_action_row_add_suffix (row, new_icon_button ("printer-symbolic", _("Print"),
                                                       "base.print-notice",
                                                       g_variant_new_int64 (notice->id)));
      any = TRUE;
    }

  checks = sb_spot_check_list_for_base (database, self->base_id, &error);
  for (guint i = 0; checks != NULL && i < checks->len; i++)
    {
      const SbSpotCheck *check = g_ptr_array_index (checks, i);
      g_autofree char *date = sb_date_format (&check->date);
      g_autofree char *title = g_strdup_printf ("%s · %s", sb_spot_check_method_get_label (check->method), date);
      g_autofree char *subtitle = g_strdup_printf ("%s · %s", check->findings, check->inspector);

      add_row (self, self->oversight_group, title, subtitle);
      any = TRUE;
    }

  if (can_record_spot_check (self))
    {
      AdwActionRow *row = add_row (self, self->oversight_group, _("Record a spot check"),
                                   _("On site or by its documents (Art. 37)"));

      adw_action_row_add_suffix (row, gtk_image_new_from_icon_name ("go-next-symbolic"));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "base.spot-check");
      any = TRUE;
    }

  gtk_widget_set_visible (GTK_WIDGET (self->oversight_group), any);
}

static void
show_standards (SbBasePage *self)
{
  GPtrArray *standards = self->details->standards;
  guint n_application = 0, n_produced = 0;

  for (guint i = 0; i < standards->len; i++)
    {
      SbBaseStandard *standard = g_ptr_array_index (standards, i);
      AdwActionRow *row;
      g_autofree char *level = NULL;
      GtkWidget *label;

      row = add_row (self, standard->produced ? self->produced_standards_group
                                              : self->application_standards_group,
                     standard->designation, standard->title);
      adw_preferences_row_set_title_selectable (ADW_PREFERENCES_ROW (row), TRUE);

      /* Translators: a standard's level and the unit's part in it, e.g.
       * "National · Led" */
      level = g_strdup_printf (C_("standard", "%s · %s"), sb_standard_level_get_label (standard->level),
                               standard->led ? C_("standard", "Led") : C_("standard", "Participated"));
      label = gtk_label_new (level);
      gtk_widget_add_css_class (label, "dim-label");
      adw_action_row_add_suffix (row, label);

      if (standard->produced)
        n_produced++;
      else
        n_application++;
    }

  if (n_application == 0)
    add_placeholder (self, self->application_standards_group, _("None listed"));
  gtk_widget_set_visible (GTK_WIDGET (self->produced_standards_group), n_produced > 0);
}

static void
show_documents (SbBasePage *self)
{
  GPtrArray *documents = self->details->documents;

  for (guint i = 0; i < documents->len; i++)
    {
      SbBaseDocument *document = g_ptr_array_index (documents, i);
      g_autofree char *pages = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d page", "%d pages",
                                                             document->pages),
                                                document->pages);
      g_autofree char *size = g_format_size (document->size);
      g_autofree char *added = g_strndup (document->added_at ? document->added_at : "", 10);
      g_autofree char *subtitle = join_parts (pages, size, added, NULL);
      AdwActionRow *row = add_row (self, self->documents_group, document->file_name, subtitle);
      GtkWidget *open = gtk_button_new_from_icon_name ("document-open-symbolic");
      g_autofree char *open_label = NULL;

      gtk_widget_set_valign (open, GTK_ALIGN_CENTER);
      gtk_widget_set_tooltip_text (open, _("Open"));
      /* Translators: the accessible name of the button that opens a document, e.g. Open “plan.pdf” */
      open_label = g_strdup_printf (_("Open “%s”"), document->file_name);
      gtk_accessible_update_property (GTK_ACCESSIBLE (open),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, open_label,
                                      -1);
      gtk_widget_add_css_class (open, "flat");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (open), "x", document->id);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (open), "base.open-document");
      adw_action_row_add_suffix (row, open);
      adw_action_row_set_activatable_widget (row, open);
    }

  if (documents->len == 0)
    add_placeholder (self, self->documents_group, _("No documents attached"));
}

static void
show_reports (SbBasePage *self)
{
  GArray *reports = self->details->reports;

  for (guint i = 0; i < reports->len; i++)
    {
      const SbBaseReport *report = &g_array_index (reports, SbBaseReport, i);
      const SbAnnualFigures *f = &report->figures;
      int standards = sb_annual_figures_get_standards (f);
      g_autofree char *year = g_strdup_printf ("%d", report->year);
      g_autofree char *n_standards = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d standard", "%d standards", standards), standards);
      g_autofree char *n_smes = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d SME served", "%d SMEs served", f->smes_served), f->smes_served);
      g_autofree char *n_trained = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d person trained", "%d people trained", f->people_trained), f->people_trained);
      g_autofree char *n_awards = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d award won", "%d awards won", f->awards_won), f->awards_won);
      g_autofree char *subtitle = join_parts (n_standards, n_smes, n_trained, n_awards, NULL);
      g_autofree char *submitted = format_date (&report->submitted);
      AdwExpanderRow *row = add_expander_row (self, self->reports_group, year, subtitle);

      add_value_row (row, _("Submitted on"), submitted);
      for (guint level = 0; level < SB_N_STANDARD_LEVELS; level++)
        {
          /* Translators: standards of a level, e.g. "National standards" */
          g_autofree char *title = g_strdup_printf (_("Standards: %s"), sb_standard_level_get_label (level));

          add_count_row (row, title, f->standards[level]);
        }
      add_count_row (row, _("Proposals for new standards"), f->proposals);
      add_count_row (row, _("Awards applied for"), f->awards_applied);
      add_count_row (row, _("Awards won"), f->awards_won);
      add_count_row (row, _("Entrusted tasks (Art. 28)"), f->entrusted_tasks);
      add_count_row (row, _("SMEs served"), f->smes_served);
      add_count_row (row, _("Training sessions"), f->training_sessions);
      add_count_row (row, _("People trained"), f->people_trained);
      add_count_row (row, _("Public open days (Art. 32)"), f->open_days);
      add_count_row (row, _("International roles (Art. 33)"), f->international_roles);
      add_count_row (row, _("Patents (Art. 34)"), f->patents);
    }

  gtk_widget_set_visible (GTK_WIDGET (self->reports_group), reports->len > 0);
}

static void
show_assessments (SbBasePage *self)
{
  GPtrArray *assessments = self->details->assessments;

  for (guint i = 0; i < assessments->len; i++)
    {
      SbBaseAssessment *assessment = g_ptr_array_index (assessments, i);
      g_autofree char *year = g_strdup_printf ("%d", assessment->year);
      g_autofree char *date = format_date (&assessment->date);
      g_autofree char *scores = NULL;
      g_autofree char *line = NULL;
      g_autofree char *subtitle = NULL;
      AdwActionRow *row;

      if (assessment->has_scores)
        /* Translators: the three scores of Art. 36 and their sum */
        scores = g_strdup_printf (_("Service %g · Team %g · Cooperation %g · Total %g"),
                                  assessment->score_service, assessment->score_team,
                                  assessment->score_cooperation,
                                  sb_base_assessment_get_total (assessment));
      else
        scores = g_strdup (_("Scores not entered"));

      line = join_parts (date, scores, NULL);
      if (assessment->comments != NULL && *assessment->comments != '\0')
        subtitle = g_strconcat (line, "\n", assessment->comments, NULL);
      else
        subtitle = g_strdup (line);

      row = add_row (self, self->assessments_group, year, subtitle);
      if (assessment->passed)
        adw_action_row_add_suffix (row, new_status ("emblem-ok-symbolic", _("Passed"), "success"));
      else
        adw_action_row_add_suffix (row, new_status ("dialog-warning-symbolic", _("Not passed"), "error"));
    }

  gtk_widget_set_visible (GTK_WIDGET (self->assessments_group), assessments->len > 0);
}

static void
set_title (SbBasePage *self,
           const char *title)
{
  if (g_strcmp0 (self->title, title) == 0)
    return;

  g_free (self->title);
  self->title = g_strdup (title);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

static void
show_error (SbBasePage *self,
            const char *message)
{
  adw_status_page_set_description (self->error_page, message);
  gtk_spinner_set_spinning (self->spinner, FALSE);
  gtk_stack_set_visible_child_name (self->stack, "error");
}

static void
load (SbBasePage *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SbBase) base = NULL;
  g_autoptr(SbBaseDetails) details = NULL;
  g_autoptr(GArray) deadlines = NULL;
  g_autoptr(GPtrArray) history = NULL;
  g_autofree char *name = NULL;
  g_autofree char *name_en = NULL;
  g_autofree char *summary = NULL;
  SbBaseStore *store;
  gboolean same_base;
  gint64 started = g_get_monotonic_time ();

  if (self->base_id <= 0)
    {
      g_clear_object (&self->base);
      g_clear_pointer (&self->details, sb_base_details_free);
      clear_rows (self);
      set_title (self, "");
      gtk_stack_set_visible_child_name (self->stack, "loading");
      return;
    }

  /* The window's loader has the database: wait for it. */
  if (self->programme == NULL)
    {
      if (self->base == NULL || sb_base_get_id (self->base) != self->base_id)
        {
          gtk_spinner_set_spinning (self->spinner, TRUE);
          gtk_stack_set_visible_child_name (self->stack, "loading");
        }
      return;
    }

  store = sb_programme_get_store (self->programme);
  base = sb_base_store_load (store, self->base_id, &self->today, &error);
  if (base != NULL)
    history = sb_base_store_list_transitions (store, self->base_id, &error);
  if (history != NULL)
    details = sb_base_details_load (sb_programme_get_database (self->programme), self->base_id, &error);
  if (details == NULL)
    {
      g_clear_object (&self->base);
      g_clear_pointer (&self->details, sb_base_details_free);
      clear_rows (self);
      set_title (self, "");
      show_error (self, error->message);
      return;
    }
  deadlines = sb_base_store_list_deadlines (store, base, &self->today);

  same_base = self->base != NULL && sb_base_get_id (self->base) == self->base_id;
  g_set_object (&self->base, base);
  g_clear_pointer (&self->details, sb_base_details_free);
  self->details = g_steal_pointer (&details);

  name = sb_base_dup_name (base);
  name_en = sb_base_dup_name_en (base);
  gtk_label_set_text (self->name_label, name);
  gtk_label_set_text (self->name_en_label, name_en);
  gtk_widget_set_visible (GTK_WIDGET (self->name_en_label), *name_en != '\0');
  summary = join_parts (sb_base_state_get_label (sb_base_get_state (base)),
                        sb_base_get_domain_name (base) ? sb_base_get_domain_name (base) : "",
                        sb_base_get_city_name (base) ? sb_base_get_city_name (base) : "",
                        NULL);
  gtk_label_set_text (self->summary_label, summary);

  clear_rows (self);
  show_actions (self);
  show_deadlines (self, deadlines);
  show_overview (self);
  show_units (self);
  show_history (self, history);
  show_reviews (self);
  show_standards (self);
  show_documents (self);
  show_reports (self);
  show_assessments (self);
  show_oversight (self);

  set_title (self, name);
  gtk_spinner_set_spinning (self->spinner, FALSE);
  gtk_stack_set_visible_child_name (self->stack, "base");

  /* A new base starts at its top; the same one read again stays put. */
  if (!same_base)
    gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scrolled_window), 0);

  g_debug ("Base %" G_GINT64_FORMAT " read and shown in %.2f ms", self->base_id,
           (g_get_monotonic_time () - started) / 1000.0);
}

/* Callbacks */

/* Whether the name at the top is still on screen: the view shows it in its
 * bar once it has scrolled away. */
static void
scrolled (SbBasePage    *self,
          GtkAdjustment *adjustment)
{
  gboolean visible = gtk_adjustment_get_value (adjustment)
                     < gtk_widget_get_height (GTK_WIDGET (self->name_label)) + 24;

  if (visible == self->title_visible)
    return;

  self->title_visible = visible;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE_VISIBLE]);
}

static void
step_recorded_cb (SbBasePage *self)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (_("Step recorded")));
  sb_base_page_reload (self);
  g_signal_emit (self, signals[STEP_RECORDED], 0, self->base_id);
}

static void
plan_submitted_cb (SbBasePage *self)
{
  adw_toast_overlay_add_toast (self->toast_overlay,
                               adw_toast_new (_("The construction plan was submitted")));
  sb_base_page_reload (self);
  g_signal_emit (self, signals[STEP_RECORDED], 0, self->base_id);
}

/* On a connection of its own, as the window's may be in a worker. */
static void
open_plan_wizard (SbBasePage *self)
{
  const char *path = sb_database_get_path (sb_programme_get_database (self->programme));
  g_autoptr(GError) error = NULL;
  g_autoptr(SbProgramme) programme = sb_programme_open (path, SB_DATABASE_OPEN_FLAGS_NONE, &error);
  g_autoptr(SbPlanWizard) wizard = NULL;

  if (programme != NULL)
    {
      /* The audit log records the person acting, on this connection too. */
      sb_database_set_audit_actor (sb_programme_get_database (programme), self->profile->name,
                                   sb_role_to_string (self->profile->role));
      wizard = sb_plan_wizard_new (programme, self->base_id, &self->today, &error);
    }
  if (wizard == NULL)
    {
      g_autofree char *text = g_strdup_printf (_("The construction plan could not be opened: %s"), error->message);

      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (text));
      return;
    }

  gtk_window_set_transient_for (GTK_WINDOW (wizard), GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))));
  g_signal_connect_object (wizard, "submitted", G_CALLBACK (plan_submitted_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (wizard));
}

static void
take_step_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  SbBasePage *self = SB_BASE_PAGE (widget);
  SbAction action = g_variant_get_int32 (parameter);
  GtkWindow *dialog;
  SbRole role;

  /* Only what the page offers: a step of this state, in the profile's role. */
  if (self->base == NULL || self->programme == NULL || self->profile == NULL
      || action >= SB_N_ACTIONS
      || !sb_lifecycle_find_rule (action, sb_base_get_state (self->base), NULL, &role, NULL)
      || role != self->profile->role)
    return;

  /* The construction plan is written in its wizard (Art. 16). */
  if (action == SB_ACTION_SUBMIT_PLAN)
    {
      open_plan_wizard (self);
      return;
    }

  /* The mid-term report is written in its wizard (Art. 19). */
  if (action == SB_ACTION_SUBMIT_MIDTERM_REPORT)
    {
      g_autoptr(GError) error = NULL;
      SbMidtermWizard *wizard = sb_midterm_wizard_new (GTK_WINDOW (gtk_widget_get_root (widget)),
                                                       self->programme, self->base_id, self->title,
                                                       self->profile, &self->today, &error);

      if (wizard == NULL)
        {
          adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
          return;
        }
      g_signal_connect_object (wizard, "submitted", G_CALLBACK (step_recorded_cb), self,
                               G_CONNECT_SWAPPED);
      gtk_window_present (GTK_WINDOW (wizard));
      return;
    }

  /* The formal review's two outcomes come from its checklist. */
  if (sb_base_get_state (self->base) == SB_BASE_STATE_RECOMMENDED
      && (action == SB_ACTION_PASS_FORMAL_REVIEW || action == SB_ACTION_RETURN))
    dialog = GTK_WINDOW (sb_formal_review_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)),
                                                      self->programme, self->base,
                                                      self->profile, &self->today));
  else
    dialog = GTK_WINDOW (sb_step_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)),
                                             self->programme, self->base, action,
                                             self->profile, &self->today));
  g_signal_connect_object (dialog, "recorded", G_CALLBACK (step_recorded_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (dialog);
}

static void
reviews_changed_cb (SbBasePage *self)
{
  sb_base_page_reload (self);
}

static void
form_panel_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  SbBasePage *self = SB_BASE_PAGE (widget);
  SbPanelKind kind = g_variant_get_int32 (parameter);
  SbPanelKind allowed;
  SbPanelDialog *dialog;

  if (self->base == NULL || self->programme == NULL
      || !can_form_panel (self, &allowed) || allowed != kind)
    return;

  dialog = sb_panel_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)),
                                sb_programme_get_database (self->programme),
                                self->base_id, self->title, kind, &self->today);
  g_signal_connect_object (dialog, "formed", G_CALLBACK (reviews_changed_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
score_sheet_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  SbBasePage *self = SB_BASE_PAGE (widget);
  SbScoreSheetDialog *dialog;
  const SbPanel *panel = NULL;
  gint64 panel_id, expert_id;

  g_variant_get (parameter, "(xx)", &panel_id, &expert_id);
  if (self->programme == NULL || self->panels == NULL || self->profile == NULL
      || self->profile->role != SB_ROLE_EXPERT)
    return;
  for (guint i = 0; i < self->panels->len; i++)
    if (((SbPanel *) g_ptr_array_index (self->panels, i))->id == panel_id)
      panel = g_ptr_array_index (self->panels, i);
  if (panel == NULL)
    return;

  dialog = sb_score_sheet_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)),
                                      sb_programme_get_database (self->programme),
                                      panel, expert_id, self->title, &self->today);
  g_signal_connect_object (dialog, "handed-in", G_CALLBACK (reviews_changed_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* The notice of @id, in a one-page list for the printer or the file. */
static GPtrArray *
find_notice (SbBasePage *self,
             gint64      id)
{
  GPtrArray *found = g_ptr_array_new ();

  for (guint i = 0; self->notices != NULL && i < self->notices->len; i++)
    if (((SbNotice *) g_ptr_array_index (self->notices, i))->id == id)
      g_ptr_array_add (found, g_ptr_array_index (self->notices, i));

  return found;
}

static void
print_notice_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  SbBasePage *self = SB_BASE_PAGE (widget);
  g_autoptr(GPtrArray) notices = find_notice (self, g_variant_get_int64 (parameter));

  if (notices->len > 0)
    sb_notice_print (GTK_WINDOW (gtk_widget_get_root (widget)), notices);
}

static void
notice_saved (SbBasePage *self)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (_("Notice saved")));
}

static void
save_notice_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  SbBasePage *self = SB_BASE_PAGE (widget);
  g_autoptr(GPtrArray) notices = find_notice (self, g_variant_get_int64 (parameter));
  g_autoptr(GPtrArray) copies = NULL;

  if (notices->len == 0)
    return;

  /* The chooser outlives this page's list when the page reloads. */
  copies = g_ptr_array_new_with_free_func ((GDestroyNotify) sb_notice_free);
  for (guint i = 0; i < notices->len; i++)
    g_ptr_array_add (copies, sb_notice_copy (g_ptr_array_index (notices, i)));
  sb_notice_save (GTK_WINDOW (gtk_widget_get_root (widget)), copies,
                  G_CALLBACK (notice_saved), self);
}

static void
spot_check_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  SbBasePage *self = SB_BASE_PAGE (widget);
  SbSpotCheckDialog *dialog;

  if (self->base == NULL || self->programme == NULL || !can_record_spot_check (self))
    return;

  dialog = sb_spot_check_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)),
                                     sb_programme_get_database (self->programme),
                                     self->base_id, self->title, self->profile->name, &self->today);
  g_signal_connect_object (dialog, "recorded", G_CALLBACK (reviews_changed_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
copy_text_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  SbBasePage *self = SB_BASE_PAGE (widget);

  gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), g_variant_get_string (parameter, NULL));
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (_("Copied")));
}

/* Documents open in the PDF view, with this reviewer's annotations. */
static void
open_document_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  SbBasePage *self = SB_BASE_PAGE (widget);
  gint64 id = g_variant_get_int64 (parameter);
  SbBaseDocument *document = NULL;
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkApplication *application = GTK_IS_WINDOW (root) ? gtk_window_get_application (GTK_WINDOW (root)) : NULL;
  SbPdfWindow *window;

  for (guint i = 0; self->details != NULL && i < self->details->documents->len; i++)
    {
      SbBaseDocument *candidate = g_ptr_array_index (self->details->documents, i);

      if (candidate->id == id)
        document = candidate;
    }
  if (document == NULL || self->programme == NULL)
    return;

  if (!g_file_test (document->path, G_FILE_TEST_IS_REGULAR))
    {
      g_autofree char *text = g_strdup_printf (_("The stored copy of “%s” is missing"), document->file_name);

      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (text));
      return;
    }

  window = sb_pdf_window_new (application,
                              sb_database_get_path (sb_programme_get_database (self->programme)),
                              document->id, NULL);
  if (self->profile != NULL)
    sb_pdf_window_set_author (window, self->profile->name, sb_role_to_string (self->profile->role));
  gtk_window_present (GTK_WINDOW (window));
}

/* GObject */

static void
sb_base_page_dispose (GObject *object)
{
  SbBasePage *self = (SbBasePage *)object;

  g_clear_object (&self->programme);
  g_clear_pointer (&self->profile, sb_profile_free);
  g_clear_pointer (&self->panels, g_ptr_array_unref);
  g_clear_pointer (&self->notices, g_ptr_array_unref);
  g_clear_object (&self->base);
  g_clear_pointer (&self->details, sb_base_details_free);
  g_ptr_array_set_size (self->rows, 0);
  self->toast_overlay = NULL;

  gtk_widget_dispose_template (GTK_WIDGET (self), SB_TYPE_BASE_PAGE);

  G_OBJECT_CLASS (sb_base_page_parent_class)->dispose (object);
}

static void
sb_base_page_finalize (GObject *object)
{
  SbBasePage *self = (SbBasePage *)object;

  g_ptr_array_unref (self->rows);
  g_free (self->title);

  G_OBJECT_CLASS (sb_base_page_parent_class)->finalize (object);
}

static void
sb_base_page_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  SbBasePage *self = SB_BASE_PAGE (object);

  switch (prop_id)
    {
    case PROP_PROGRAMME:
      g_value_set_object (value, self->programme);
      break;
    case PROP_BASE_ID:
      g_value_set_int64 (value, self->base_id);
      break;
    case PROP_TITLE:
      g_value_set_string (value, sb_base_page_get_title (self));
      break;
    case PROP_TITLE_VISIBLE:
      g_value_set_boolean (value, self->title_visible);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sb_base_page_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  SbBasePage *self = SB_BASE_PAGE (object);

  switch (prop_id)
    {
    case PROP_PROGRAMME:
      sb_base_page_set_programme (self, g_value_get_object (value));
      break;
    case PROP_BASE_ID:
      sb_base_page_set_base_id (self, g_value_get_int64 (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sb_base_page_class_init (SbBasePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sb_base_page_dispose;
  object_class->finalize = sb_base_page_finalize;
  object_class->get_property = sb_base_page_get_property;
  object_class->set_property = sb_base_page_set_property;

  /**
   * SbBasePage:programme:
   *
   * Where the base is read from; %NULL while another thread uses it.
   */
  properties[PROP_PROGRAMME] =
    g_param_spec_object ("programme", NULL, NULL, SB_TYPE_PROGRAMME,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_BASE_ID] =
    g_param_spec_int64 ("base-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * SbBasePage:title:
   *
   * The base's name, as its page shows it; empty until it is read.
   */
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, "",
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * SbBasePage:title-visible:
   *
   * Whether the base's name at the top of the page is scrolled into view.
   */
  properties[PROP_TITLE_VISIBLE] =
    g_param_spec_boolean ("title-visible", NULL, NULL, TRUE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * SbBasePage::step-recorded:
   * @base_id: the base that moved on
   *
   * A life-cycle step was recorded from this page.
   */
  signals[STEP_RECORDED] = g_signal_new ("step-recorded", G_TYPE_FROM_CLASS (klass),
                                         G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                         G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/shanxi/StdBase/ui/sb-base-page.ui");
  gtk_widget_class_bind_template_child (widget_class, SbBasePage, stack);
  gtk_widget_class_bind_template_child (widget_class, SbBasePage, spinner);
  gtk_widget_class_bind_template_child (widget_class, SbBasePage, error_page);
  gtk_widget_class_bind_template_child (widget_class, SbBasePage, scrolled_window);
  gtk_widget_class_bind_template_child (widget_class, SbBasePage, name_label);
  gtk_widget_class_bind_template_child (widget_class, SbBasePage, name_en_label);
  gtk_widget_class_bind_template_child (widget_class, SbBasePage, summary_label);
  gtk_widget_class_bind_template_child (widget_class, SbBasePage, actions_group);
  gtk_widget_class_bind_template_child (widget_class, SbBasePage, deadlines_group);
  gtk_widget_class_bind_template_child (widget_class, SbBasePage, overview_group);
  gtk_widget_class_bind_template_child (widget_class, SbBasePage, state_value);
  gtk_widget_class_bind_template_child (widget_class, SbBasePage, domain_value);
  gtk_widget_class_bind_template_child (widget_class, SbBasePage, city_value);
  gtk_widget_class_bind_template_child (widget_class, SbBasePage, tags_value);
  gtk_widget_class_bind_template_child (widget_class, SbBasePage, cycle_row);
  gtk_widget_class_bind_template_child (widget_class, SbBasePage, cycle_value);
  gtk_widget_class_bind_template_child (widget_class, SbBasePage, units_group);
  gtk_widget_class_bind_template_child (widget_class, SbBasePage, history_group);
  gtk_widget_class_bind_template_child (widget_class, SbBasePage, reviews_group);
  gtk_widget_class_bind_template_child (widget_class, SbBasePage, application_standards_group);
  gtk_widget_class_bind_template_child (widget_class, SbBasePage, produced_standards_group);
  gtk_widget_class_bind_template_child (widget_class, SbBasePage, documents_group);
  gtk_widget_class_bind_template_child (widget_class, SbBasePage, reports_group);
  gtk_widget_class_bind_template_child (widget_class, SbBasePage, assessments_group);
  gtk_widget_class_bind_template_child (widget_class, SbBasePage, oversight_group);

  gtk_widget_class_install_action (widget_class, "base.take-step", "i", take_step_action);
  gtk_widget_class_install_action (widget_class, "base.copy-text", "s", copy_text_action);
  gtk_widget_class_install_action (widget_class, "base.form-panel", "i", form_panel_action);
  gtk_widget_class_install_action (widget_class, "base.print-notice", "x", print_notice_action);
  gtk_widget_class_install_action (widget_class, "base.save-notice", "x", save_notice_action);
  gtk_widget_class_install_action (widget_class, "base.spot-check", NULL, spot_check_action);
  gtk_widget_class_install_action (widget_class, "base.score-sheet", "(xx)", score_sheet_action);
  gtk_widget_class_install_action (widget_class, "base.open-document", "x", open_document_action);
}

static void
sb_base_page_init (SbBasePage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  /* Not a bound template child: AdwBin unparents its child itself, and
   * gtk_widget_dispose_template() would do it a second time. */
  self->toast_overlay = ADW_TOAST_OVERLAY (adw_bin_get_child (ADW_BIN (self)));
  self->rows = g_ptr_array_new ();
  self->title_visible = TRUE;
  sb_date_set_today (&self->today);

  g_signal_connect_object (gtk_scrolled_window_get_vadjustment (self->scrolled_window),
                           "value-changed", G_CALLBACK (scrolled), self, G_CONNECT_SWAPPED);
}

/* Public API */

GtkWidget *
sb_base_page_new (void)
{
  return g_object_new (SB_TYPE_BASE_PAGE, NULL);
}

SbProgramme *
sb_base_page_get_programme (SbBasePage *self)
{
  g_return_val_if_fail (SB_IS_BASE_PAGE (self), NULL);

  return self->programme;
}

/**
 * sb_base_page_set_programme:
 * @programme: (nullable): the open programme, or %NULL while another
 *   thread uses it
 *
 * Setting a programme reads the base again: the window sets it back after
 * each reload, so the page shows what was just written.
 */
void
sb_base_page_set_programme (SbBasePage  *self,
                            SbProgramme *programme)
{
  g_return_if_fail (SB_IS_BASE_PAGE (self));
  g_return_if_fail (programme == NULL || SB_IS_PROGRAMME (programme));

  if (!g_set_object (&self->programme, programme))
    return;

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROGRAMME]);
  if (programme != NULL)
    load (self);
}

gint64
sb_base_page_get_base_id (SbBasePage *self)
{
  g_return_val_if_fail (SB_IS_BASE_PAGE (self), 0);

  return self->base_id;
}

void
sb_base_page_set_base_id (SbBasePage *self,
                          gint64      base_id)
{
  g_return_if_fail (SB_IS_BASE_PAGE (self));
  g_return_if_fail (base_id >= 0);

  if (self->base_id == base_id)
    return;

  self->base_id = base_id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BASE_ID]);
  load (self);
}

void
sb_base_page_get_today (SbBasePage *self,
                        GDate      *today)
{
  g_return_if_fail (SB_IS_BASE_PAGE (self));
  g_return_if_fail (today != NULL);

  *today = self->today;
}

/**
 * sb_base_page_set_today:
 * @today: the date deadlines are judged on
 */
void
sb_base_page_set_today (SbBasePage  *self,
                        const GDate *today)
{
  g_return_if_fail (SB_IS_BASE_PAGE (self));
  g_return_if_fail (today != NULL && g_date_valid (today));

  if (g_date_compare (&self->today, today) == 0)
    return;

  self->today = *today;
  if (self->base != NULL)
    load (self);
}

void
sb_base_page_reload (SbBasePage *self)
{
  g_return_if_fail (SB_IS_BASE_PAGE (self));

  load (self);
}

/**
 * sb_base_page_get_base:
 *
 * Returns: (transfer none) (nullable): the base as last read
 */
SbBase *
sb_base_page_get_base (SbBasePage *self)
{
  g_return_val_if_fail (SB_IS_BASE_PAGE (self), NULL);

  return self->base;
}

const char *
sb_base_page_get_title (SbBasePage *self)
{
  g_return_val_if_fail (SB_IS_BASE_PAGE (self), NULL);

  return self->title ? self->title : "";
}

gboolean
sb_base_page_get_title_visible (SbBasePage *self)
{
  g_return_val_if_fail (SB_IS_BASE_PAGE (self), FALSE);

  return self->title_visible;
}

/**
 * sb_base_page_set_profile:
 * @profile: (nullable): who acts, or %NULL for nobody
 *
 * The page offers the steps that @profile's role takes.
 */
void
sb_base_page_set_profile (SbBasePage      *self,
                          const SbProfile *profile)
{
  g_return_if_fail (SB_IS_BASE_PAGE (self));

  g_clear_pointer (&self->profile, sb_profile_free);
  self->profile = sb_profile_copy (profile);
  if (self->base != NULL)
    sb_base_page_reload (self);
}
