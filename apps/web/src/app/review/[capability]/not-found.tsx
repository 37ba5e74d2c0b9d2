import { InvalidReviewLink } from '@/features/review/invalid-review-link'

export default InvalidReviewLink
