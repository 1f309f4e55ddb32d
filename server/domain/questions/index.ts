// Q&A in a live show: ask, upvote (one per person), "answering now", answered.
//
// The module's public door: code outside server/domain/questions/ imports from here, never from its
// inner files (eslint.config.mjs, "modules are used only through their index").
export {
  askQuestion,
  markAnswered,
  markAnswering,
  QUESTION_MAX_LENGTH,
  type QuestionStatus,
  questionUpvotes,
  type QuestionView,
  showQuestions,
  upvoteQuestion,
} from './questions';
