// A button pressed or a form sent means exactly one thing: no text to interpret, so both engines
// map it straight to its intent.
import type { UserAction } from '../chat/types.ts';
import type { Intent } from './intent.ts';

export function intentOfAction(action: UserAction): Intent {
  switch (action.kind) {
    case 'draft':
      return { type: 'confirm_draft', decision: action.decision, ...(action.edit !== undefined ? { edit: action.edit } : {}) };
    case 'undo':
      return { type: 'undo_observation', observationId: action.recordId };
    case 'choose_student':
      return { type: 'choose_student', choice: action.studentId };
  }
}
